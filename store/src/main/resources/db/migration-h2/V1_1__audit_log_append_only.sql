-- H2: the audit log refuses UPDATE and DELETE (a Java trigger that always throws).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    CALL 'org.minutewise.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    CALL 'org.minutewise.store.AppendOnlyTrigger';
