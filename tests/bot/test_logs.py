import logging

from bot.logs import MaskFilter, configure_logging


def test_phone_numbers_and_secrets_are_masked():
    f = MaskFilter(["test-app-secret"])
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "q=%s key=%s", ("承办人电话13989579269", "test-app-secret"), None)
    f.filter(record)
    line = record.getMessage()
    assert "13989579269" not in line and "139****9269" in line
    assert "test-app-secret" not in line and "***" in line


def test_configured_root_handler_masks_library_loggers(capsys):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        configure_logging("INFO", secrets=["s3cr3t-value"])
        logging.getLogger("httpx").warning("POST https://x/?token=s3cr3t-value phone 13812345678")
        err = capsys.readouterr().err
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
            for f in [f for f in h.filters if f.__class__.__name__ == "MaskFilter"]:
                h.removeFilter(f)
        root.setLevel(level)
    assert "s3cr3t-value" not in err and "13812345678" not in err and "token=***" in err
