package vn.cadretraining.shared.backup.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.shared.backup.service.BackupFolder.Backup;
import vn.cadretraining.shared.backup.service.BackupService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;

/** The administrator's backups: take one now, watch it run, see those kept. */
@Named
@ViewScoped
public class BackupsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BackupService backups;

    // read again after the view moves to another node of a cluster (a backup's Path does not serialize)
    private transient BackupService.Status status;
    private transient List<Backup> list;
    private boolean watching;

    @PostConstruct
    void init() {
        refresh();
    }

    public void take() {
        Actions.attempt(() -> {
            backups.takeNow();
            watching = true;
        });
        refresh();
    }

    /** Called by the page's poll while a backup runs; says once when the one started here is done. */
    public void refresh() {
        status = backups.status();
        list = backups.list();
        if (watching && !status.running()) {
            watching = false;
            if (status.lastError() == null) {
                Messages.info("backups.done", status.lastName());
            } else {
                Messages.error("backups.failed", status.lastError());
            }
        }
    }

    public BackupService.Status getStatus() {
        if (status == null) {
            status = backups.status();
        }
        return status;
    }

    public List<Backup> getList() {
        if (list == null) {
            list = backups.list();
        }
        return list;
    }
}
