// 知识库管理 — the admin page. Plain JS, no build step, no CDN: it must work offline.
// Every data call sends the admin token from sessionStorage; the page itself holds no data.
"use strict";

const TOKEN_KEY = "zhaoshang.adminToken";
const RECORD_TYPES = [
  ["responsibilities", "责任分工"], ["figures", "指标"], ["projects", "项目"],
  ["contacts", "联系人"], ["references", "引用"], ["incentives", "奖补政策"], ["table_rows", "表格行"],
];
const KIND_LABELS = {
  "policy": "政策文件", "responsible-units": "责任分工", "project-records": "项目清单",
  "reply": "答复", "guide": "指南", "other": "其他",
};
const STATUS_LABELS = { current: "有效", expired: "已过期", repealed: "已废止" };
const INDEX_LABELS = {
  "indexed": "已索引", "queued": "排队中", "running": "索引中", "failed": "索引失败", "interrupted": "索引中断", "not indexed": "未索引",
};
const JOB_LABELS = { queued: "排队中", running: "索引中", done: "完成", failed: "失败", interrupted: "已中断（服务重启）" };
// every stage the indexer reports (retrieval/report.py STAGES), in Chinese
const STAGE_LABELS = {
  "queued": "排队中", "starting": "开始", "loading index": "加载索引", "catalogue": "解析文档",
  "embedding": "生成向量", "done": "完成", "failed": "失败", "interrupted": "已中断",
};

const TOKEN_UNSET_MESSAGE = "服务器还没有设置管理令牌 ADMIN_TOKEN，管理功能已关闭。请在服务器的 .env 文件中写入 "
  + "ADMIN_TOKEN=一串足够长的随机字符（首次运行 make run 会自动生成并显示一次），然后重启服务，再在右上角输入该令牌。";
const $ = (id) => document.getElementById(id);
const state = { documents: [], audience: "staff", conversation: "admin-" + Math.random().toString(36).slice(2, 10) };

// --- helpers -------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

function notice(message, kind = "error") {
  const box = $("notice");
  if (!message) { box.hidden = true; return; }
  box.textContent = message;
  box.className = "notice " + kind;
  box.hidden = false;
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, options = {}) {
  const headers = Object.assign({ "Authorization": "Bearer " + token() }, options.headers || {});
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(options.json);
  }
  const resp = await fetch("/admin" + path, { method: options.method || "GET", headers, body: options.body });
  let data = null;
  try { data = await resp.json(); } catch (_) { data = null; }
  if (!resp.ok) {
    const message = (data && (data.error || data.detail)) || resp.statusText;
    if (resp.status === 401) {
      $("status").textContent = "未连接";
      $("status").className = "status bad";
      notice(data && data.code === "admin_token_unset" ? TOKEN_UNSET_MESSAGE
        : "令牌无效或未输入。请在右上角输入正确的管理令牌（即服务器 .env 中的 ADMIN_TOKEN）。");
    }
    throw new ApiError(resp.status, message);
  }
  return data;
}

function fmtDate(ts) {
  if (!ts) return "—";
  const d = new Date(ts * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function visibilityBadge(v) {
  if (v === "public") return el("span", { class: "badge public", text: "公开" });
  if (v === "internal") return el("span", { class: "badge internal", text: "内部" });
  return el("span", { class: "badge muted", text: "—" });
}

// --- status ----------------------------------------------------------------------
async function loadStatus() {
  const s = await api("/status");
  const bits = [`文档 ${s.documents}`, `分块 ${s.chunks}`, `最近索引 ${fmtDate(s.last_index_time)}`, `模型 ${s.embedding_model}`];
  $("status").textContent = (s.ready ? "● 就绪 · " : "○ 加载中 · ") + bits.join(" · ");
  $("status").className = "status " + (s.ready ? "ok" : "warn");
  return s;
}

// --- documents -----------------------------------------------------------------
async function loadDocuments() {
  const data = await api("/documents");
  state.documents = data.documents;
  renderDocuments();
}

function renderDocuments() {
  const q = $("doc-filter").value.trim().toLowerCase();
  const rows = state.documents.filter((d) =>
    !q || [d.doc_no, d.title, d.doc_id].some((v) => v && v.toLowerCase().includes(q)));
  $("doc-count").textContent = `共 ${state.documents.length} 份`;
  const body = $("docs-body");
  body.replaceChildren();
  if (!rows.length) {
    body.append(el("tr", {}, el("td", { colspan: 13, class: "empty", text: state.documents.length ? "没有符合条件的文档" : "知识库中还没有文档" })));
    return;
  }
  for (const d of rows) {
    const counts = d.records || {};
    const indexed = d.index_state === "indexed";
    const statusText = indexed ? (STATUS_LABELS[d.status] || d.status || "—") : (INDEX_LABELS[d.index_state] || d.index_state);
    const name = d.title || d.doc_id;
    const title = indexed
      ? el("button", { type: "button", class: "link title-link", title: name, text: name, onclick: () => showDetail(d.doc_id) })
      : el("span", { class: "title-text", title: name },
          name, " ", d.upload ? el("button", { type: "button", class: "link danger", text: "删除", onclick: () => deleteDocument(d) }) : null);
    const ocr = d.ocr ? el("span", { class: "badge ocr", title: "正文由 OCR 从扫描件识别，可能有错字", text: "OCR" }) : null;
    const readError = d.error
      ? el("div", { class: "read-error", text: (indexed ? "新文件读取失败，仍使用上一版：" : "读取失败：") + d.error })
      : null;
    body.append(el("tr", { "data-doc-id": d.doc_id, class: indexed ? "" : "pending" },
      el("td", { class: "docno", title: d.doc_no || "", text: d.doc_no || "—" }),
      el("td", { class: "title" }, title, ocr, readError, d.clash
        ? el("span", { class: "badge internal", title: `知识库文件夹中也有 ${d.clash}`, text: "与知识库文件同名" }) : null),
      el("td", { class: "nowrap", text: d.date || "—" }),
      el("td", {}, visibilityBadge(d.visibility)),
      el("td", { class: "nowrap", text: KIND_LABELS[d.kind] || d.kind || "—" }),
      el("td", { class: "nowrap state-" + (indexed ? (d.status || "") : d.index_state.replace(" ", "-")),
                 title: d.error || d.status_note || "", text: statusText }),
      ...RECORD_TYPES.map(([k]) => el("td", { class: "num" + (counts[k] ? "" : " zero"), text: counts[k] ?? "—" })),
    ));
  }
}

function ocrNote(meta) {
  if (meta.ocr !== "true") return null;
  const pages = meta.ocr_pages ? `第 ${meta.ocr_pages} 页` : "";
  const conf = meta.ocr_confidence ? `，平均置信度 ${meta.ocr_confidence}` : "";
  return `OCR 识别（扫描件${pages ? "，" + pages : ""}${conf}），可能有错字，引用前请核对原件`;
}

async function showDetail(docId) {
  let d;
  try { d = await api("/documents/" + encodeURIComponent(docId)); } catch (e) { notice("无法打开文档：" + e.message); return; }
  $("detail-title").textContent = d.doc_no ? `${d.doc_no} 《${d.title}》` : d.title;
  const meta = $("detail-meta");
  meta.replaceChildren();
  const fields = [
    ["文号", d.doc_no], ["发文机关", d.issuer], ["成文日期", d.date], ["印发日期", d.printed_date],
    ["可见性", visibilityBadge(d.visibility)], ["可见性来源", { admin: "管理员指定", marker: "公开标注", default: "默认（无标注）" }[d.visibility_source] || d.visibility_source],
    ["类型", KIND_LABELS[d.kind] || d.kind], ["状态", (STATUS_LABELS[d.status] || d.status) + (d.status_note ? `（${d.status_note}）` : "")],
    ["主送", d.addressees], ["抄送", (d.cc || []).join("、")], ["文件", d.path], ["文档 ID", d.doc_id],
    ["文字来源", ocrNote(d.metadata || {})],
  ];
  for (const [k, v] of fields) {
    if (v === null || v === undefined || v === "") continue;
    meta.append(el("dt", { text: k }), el("dd", {}, typeof v === "string" ? v : v));
  }
  const recs = $("detail-records");
  recs.replaceChildren();
  const none = [];
  for (const [key, label] of RECORD_TYPES) {
    const items = (d.records && d.records[key]) || [];
    if (!items.length) { none.push(label); continue; }
    recs.append(el("h3", { text: `${label}（${items.length}）` }), recordTable(key, items));
  }
  if (none.length) recs.append(el("p", { class: "none", text: "未提取到：" + none.join("、") }));
  $("detail-paragraph-count").textContent = `（${d.paragraph_count} 段）`;
  const paras = $("detail-paragraphs");
  paras.replaceChildren(...d.paragraphs.map((p) =>
    el("li", {}, p.section ? el("span", { class: "section", text: p.section }) : null, el("span", { text: p.text }))));
  state.detail = d;
  $("detail").showModal();
}

const RECORD_COLUMNS = {
  responsibilities: [["section", "章节"], ["task", "任务"], ["lead", "牵头单位"], ["units", "配合单位", (r) => r.units.slice(1).join("、")]],
  figures: [["section", "章节"], ["subject", "指标"], ["text", "数值"], ["period", "期间"], ["kind", "类别", (r) => (r.kind === "target" ? "目标" : "实绩")]],
  projects: [["name", "项目"], ["company", "企业"], ["amount_text", "投资额"], ["stage", "进展"], ["place", "地点"], ["as_of", "截至"]],
  contacts: [["unit", "单位"], ["person", "姓名"], ["role", "角色"], ["phone", "电话", (r) => (r.phone || "") + (r.personal ? "（个人）" : "")], ["address", "地址"]],
  references: [["relation", "关系"], ["target_doc_no", "文号"], ["target_title", "标题"], ["value", "值"], ["section", "章节"]],
  incentives: [["section", "章节"], ["title", "名称"], ["beneficiary", "对象"], ["summary_zh", "待遇"],
    ["conditions", "条件", (r) => (r.conditions || []).join("；")], ["case", "情形", (r) => (r.case || []).join("、")],
    ["units", "责任单位", (r) => (r.units || []).join("、")], ["valid_until", "有效期至"]],
  table_rows: [["table", "表"], ["row", "行"], ["cells", "内容", (r) => Object.entries(r.cells || {}).map(([k, v]) => `${k}：${v}`).join("；")]],
};

function recordTable(key, items) {
  const cols = RECORD_COLUMNS[key];
  return el("table", { class: "records" },
    el("thead", {}, el("tr", {}, ...cols.map(([, label]) => el("th", { text: label })))),
    el("tbody", {}, ...items.map((r) => el("tr", { title: r.source || "" },
      ...cols.map(([f, , fn]) => el("td", { text: String((fn ? fn(r) : r[f]) ?? "—") }))))));
}

async function deleteDocument(d) {
  const name = d.doc_no ? `${d.doc_no} ${d.title}` : (d.title || d.doc_id);
  if (!confirm(`确定从知识库删除“${name}”吗？删除后助手将不再引用它。`)) return;
  try {
    const r = await api("/documents/" + encodeURIComponent(d.doc_id), { method: "DELETE" });
    if ($("detail").open) $("detail").close();
    notice(r.note ? `已删除“${name}”。注意：该文件来自默认知识目录，完整重新索引后会重新出现。` : `已删除“${name}”，助手不再引用它。`, "ok");
  } catch (e) { notice("删除失败：" + e.message); }
  refreshAll();
}

// --- upload and indexing jobs ----------------------------------------------------
function showProgress(job) {
  const p = job.progress || {};
  const pct = job.state === "done" ? 100 : (p.total ? Math.round((100 * p.done) / p.total) : (job.state === "running" ? 5 : 0));
  $("progress").dataset.state = job.state;
  $("progress-bar").style.width = pct + "%";
  const stage = STAGE_LABELS[p.stage] || p.stage || "";
  const what = job.kind === "upload" ? `上传 ${job.doc_id}` : "重新索引";
  let label = `${what}：${JOB_LABELS[job.state] || job.state}`;
  if (job.state === "running") label += ` ${stage}${p.total ? ` ${p.done}/${p.total}` : ""}`;
  $("progress-label").textContent = label;
}

function showReport(job) {
  const box = $("job-report");
  box.replaceChildren();
  if (job.state === "failed") { box.append(el("p", { class: "error", text: "失败：" + job.error })); return; }
  if (job.state === "interrupted") { box.append(el("p", { class: "error", text: "服务重启时任务被中断，请重新运行。" })); return; }
  const r = job.report;
  if (!r) return;
  const parts = [`新增 ${r.new.length}`, `更新 ${r.changed.length}`];
  if (r.scope !== "files") parts.push(`未变 ${r.unchanged.length}`);  // an upload looks at its own file only
  if (r.removed.length) parts.push(`移除 ${r.removed.length}`);
  if ((r.superseded || []).length) parts.push("已被同名的更新上传取代");
  parts.push(`嵌入分块 ${r.chunks_embedded}`, `用时 ${r.seconds.toFixed(1)} 秒`);
  box.append(el("p", { text: parts.join(" · ") }));
  for (const e of r.errors || []) box.append(el("p", { class: "error", text: `${e.path}：${e.error}` }));
}

async function followJob(jobId) {
  for (;;) {
    let job;
    try { job = await api("/jobs/" + jobId); } catch (e) { notice("无法读取任务状态：" + e.message); return null; }
    showProgress(job);
    if (["done", "failed", "interrupted"].includes(job.state)) {
      showReport(job);
      refreshAll();
      return job;
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

async function upload(ev) {
  ev.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) { notice("请选择要上传的文件"); return; }
  const form = new FormData();
  form.append("file", file);
  form.append("visibility", $("upload-visibility").value);
  form.append("kind", $("upload-kind").value);
  $("upload-submit").disabled = true;
  try {
    const r = await api("/documents", { method: "POST", body: form });
    // a name the knowledge folder already uses is stored apart; say so in every notice that follows
    const clash = r.clash ? `注意：知识库文件夹已有同名文档 ${r.clash.with}，本次上传另存为 ${r.doc_id}，两份都保留。` : "";
    notice(clash + `已保存“${file.name}”，正在索引…`, clash ? "warn" : "ok");
    $("upload-form").reset();
    $("upload-name").textContent = "未选择文件";
    refreshAll();
    const job = await followJob(r.job_id);
    if (job && job.state === "done") notice(clash + `“${file.name}”已索引，可在“试一试”中提问。`, clash ? "warn" : "ok");
    else if (job) notice(clash + `“${file.name}”已保存，但索引失败：${job.error}`);
  } catch (e) {
    notice("上传失败：" + e.message);
  } finally {
    $("upload-submit").disabled = false;
  }
}

async function reindex() {
  $("reindex").disabled = true;
  try {
    const r = await api("/reindex", { method: "POST", json: {} });
    await followJob(r.job_id);
  } catch (e) {
    notice("重新索引失败：" + e.message);
  } finally {
    $("reindex").disabled = false;
  }
}

// --- try it ------------------------------------------------------------------------
function setAudience(audience) {
  state.audience = audience;
  for (const b of document.querySelectorAll(".audience")) {
    const on = b.dataset.audience === audience;
    b.classList.toggle("active", on);
    b.setAttribute("aria-pressed", String(on));
  }
}

async function ask(ev) {
  ev.preventDefault();
  const question = $("ask-input").value.trim();
  if (!question) return;
  $("ask-submit").disabled = true;
  $("ask-submit").textContent = "思考中…";
  try {
    const a = await api("/ask", { method: "POST", json: { question, audience: state.audience, conversation_id: state.conversation } });
    const box = $("answer");
    box.hidden = false;
    box.dataset.answered = String(a.answered);
    $("answer-meta").replaceChildren(
      el("span", { class: "badge " + (a.answered ? "public" : "internal"), text: a.answered ? "已回答" : "未找到答案" }),
      el("span", { text: `${state.audience === "staff" ? "工作人员" : "投资者"} · ${a.latency_ms} ms` }));
    $("answer-text").textContent = a.answer;
    $("citations").replaceChildren(...a.citations.map((c) =>
      el("li", {}, el("strong", { text: c.doc_no || c.title }), c.doc_no && c.title ? ` 《${c.title}》` : "", c.section ? ` ${c.section}` : "")));
    loadQuestions();
  } catch (e) {
    notice("提问失败：" + e.message);
  } finally {
    $("ask-submit").disabled = false;
    $("ask-submit").textContent = "提问";
  }
}

// --- questions -------------------------------------------------------------------
async function loadQuestions() {
  const all = $("questions-all").checked;
  const data = await api("/questions?limit=100" + (all ? "" : "&unanswered_only=true"));
  const list = $("questions");
  list.replaceChildren();
  const unanswered = data.questions.filter((q) => !q.answered).length;
  $("questions-count").textContent = `${unanswered} 条未解答`;
  if (!data.questions.length) { list.append(el("li", { class: "empty", text: all ? "还没有人提问" : "没有未解答的问题" })); return; }
  for (const q of data.questions) {
    list.append(el("li", { class: q.answered ? "answered" : "unanswered" },
      el("div", { class: "q", text: q.question }),
      el("div", { class: "q-meta" },
        el("span", { text: `${fmtDate(q.ts)} · ${q.audience === "staff" ? "工作人员" : "投资者"} · ${q.channel}` }),
        el("span", { class: "rate" },
          el("button", { type: "button", class: "link" + (q.rating === 1 ? " on" : ""), title: "这条回答有用", text: "有用", onclick: () => rate(q.id, 1) }),
          el("button", { type: "button", class: "link" + (q.rating === -1 ? " on" : ""), title: "这条回答无用", text: "无用", onclick: () => rate(q.id, -1) })))));
  }
}

async function rate(id, rating) {
  try { await api(`/questions/${id}/feedback`, { method: "POST", json: { rating } }); loadQuestions(); }
  catch (e) { notice("评价失败：" + e.message); }
}

// --- start -------------------------------------------------------------------------
async function refreshAll() {
  if (!token()) return;
  try {
    await Promise.all([loadStatus(), loadDocuments(), loadQuestions()]);
  } catch (e) {
    if (e.status !== 401) notice("加载失败：" + e.message);
  }
}

async function resumeActiveJob() {
  try {
    const s = await api("/status");
    if (s.active_job) followJob(s.active_job.id);
  } catch (_) { /* shown by refreshAll */ }
}

function init() {
  $("token").value = token();
  $("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    notice("");
    refreshAll().then(resumeActiveJob);
  });
  $("token-clear").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $("token").value = "";
    location.reload();
  });
  $("docs-refresh").addEventListener("click", refreshAll);
  $("doc-filter").addEventListener("input", renderDocuments);
  $("upload-form").addEventListener("submit", upload);
  $("reindex").addEventListener("click", reindex);
  $("ask-form").addEventListener("submit", ask);
  $("questions-all").addEventListener("change", loadQuestions);
  $("detail-close").addEventListener("click", () => $("detail").close());
  $("detail-delete").addEventListener("click", () => state.detail && deleteDocument(state.detail));
  $("upload-file").addEventListener("change", () => {
    const f = $("upload-file").files[0];
    $("upload-name").textContent = f ? `${f.name}（${Math.max(1, Math.round(f.size / 1024))} KB）` : "未选择文件";
  });
  for (const b of document.querySelectorAll(".audience")) b.addEventListener("click", () => setAudience(b.dataset.audience));
  if (token()) refreshAll().then(resumeActiveJob);
  else {  // no token entered yet: say at once if the server has none configured (the page is then useless)
    fetch("/admin/status").then((r) => r.json()).then((d) => {
      if (d && d.code === "admin_token_unset") notice(TOKEN_UNSET_MESSAGE);
    }).catch(() => {});
  }
}

document.addEventListener("DOMContentLoaded", init);
