package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.RawRow;
import vn.cadretraining.people.service.transfer.RosterFileReader;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The background half of an import, so that a large file never holds a request until it times out: the
 * page polls the job instead. It runs outside any transaction itself; the store's methods each run in
 * their own, and whatever they throw ends here as the job's failure (its message for the page; the cause
 * only in the server log), never as a stack trace on a page.
 *
 * <p>The caller is passed in as {@link RosterImportService} read it in the request that started the work:
 * a background thread has no request of its own, and the scope must be the one checked at that moment.
 * Only that service calls these methods.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Inject
    RosterImportStore store;

    @Inject
    ImportJobs jobs;

    @Asynchronous
    public void preview(ImportJob job, FileFormat format, byte[] content, Caller caller) {
        try {
            List<RawRow> rows = RosterFileReader.read(format, content, job::reading);
            job.checking(rows.size());
            job.ready(store.check(rows, caller), false);
        } catch (BusinessException e) {
            job.failed(e.getMessageKey(), e.getArguments());
        } catch (RuntimeException | Error e) {
            job.failed("import.error.failed", incident(job, e));
        }
    }

    @Asynchronous
    public void apply(ImportJob job, Caller caller) {
        jobs.register(job);
        try {
            RosterImportStore.Outcome outcome = store.apply(job.getId(), job.getFileName(), job.rawRows(),
                    job.validRowNumbers(), caller);
            if (outcome.result() != null) {
                job.finished(outcome.result());
            } else {
                job.ready(outcome.recheckedRows(), true);
            }
        } catch (BusinessException e) {
            job.failed(e.getMessageKey(), e.getArguments());
        } catch (RuntimeException | Error e) {
            BusinessException business = businessCause(e);
            if (business != null) {
                job.failed(business.getMessageKey(), business.getArguments());
            } else {
                job.failed("import.error.failed", incident(job, e));
            }
        } finally {
            jobs.forget(job);
        }
    }

    /** An incident number for the page, with the cause in the log under it. */
    private static String incident(ImportJob job, Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.WARNING, e, () -> "Import " + job.getId() + " (" + job.getFileName() + ") failed, incident "
                + incident + "; nothing was written");
        return incident;
    }

    private static BusinessException businessCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessException b) {
                return b;
            }
        }
        return null;
    }
}
