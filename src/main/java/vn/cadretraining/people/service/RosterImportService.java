package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.ImportReferences;
import vn.cadretraining.people.service.transfer.RosterTemplate;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * Importing a roster file: administrators for the whole province, coordinators for their unit's subtree
 * (province reviewers only export). An upload is checked at once for what can be told without reading it
 * (size, kind); reading, checking and applying then run in the background ({@link ImportRunner}) while the
 * page polls the {@link ImportJob}. Applying writes all the chosen rows in one transaction, or nothing.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class RosterImportService {

    private static final List<UnitKind> ROSTER_KINDS = List.of(UnitKind.COMMUNE, UnitKind.WARD,
            UnitKind.SPECIAL_ZONE, UnitKind.HAMLET, UnitKind.VILLAGE, UnitKind.QUARTER, UnitKind.RESIDENTIAL_GROUP);

    @Inject
    CurrentUser currentUser;

    @Inject
    ImportRunner runner;

    @PersistenceContext
    EntityManager em;

    /**
     * Takes an uploaded file: refuses it now when it is too large or not what its name says, otherwise
     * starts reading and checking it. The job shows the preview once checked.
     */
    public ImportJob upload(String fileName, byte[] content) {
        FileFormat format = FileFormat.of(fileName, content);
        Caller caller = currentUser.get();
        ImportJob job = new ImportJob(displayName(fileName), caller.accountId());
        runner.preview(job, format, content, caller);
        return job;
    }

    /**
     * Applies a checked file: every row when none has a problem; with {@code skipRowsWithProblems}, the valid
     * rows only (the person confirmed it). The rows are those the server read from the file, checked again
     * against the database as it is when the transaction runs, in the caller's scope as it is now.
     */
    public void apply(ImportJob job, boolean skipRowsWithProblems) {
        Caller caller = currentUser.get();
        if (job == null || job.ownerAccountId() != caller.accountId()) {
            throw new NotFoundException("import");
        }
        if (job.getPhase() != ImportJob.Phase.READY) {
            throw new BusinessException("import.error.notReady");
        }
        if (job.getProblemCount() > 0 && !skipRowsWithProblems) {
            throw new BusinessException("import.error.hasProblems", job.getProblemCount());
        }
        if (job.getValidCount() == 0) {
            throw new BusinessException("import.error.nothingValid");
        }
        job.writing(job.getValidCount());
        runner.apply(job, caller);
    }

    /** The template to fill in, with the titles, the units of the caller's scope and the ethnic groups. */
    public void template(FileFormat format, OutputStream out) throws IOException {
        Caller caller = currentUser.get();
        List<ImportReferences.Title> titles = em.createQuery("SELECT t FROM PositionTitle t WHERE t.active = TRUE"
                + " ORDER BY t.sortOrder, t.nameVi", PositionTitle.class).getResultList().stream()
                .map(t -> new ImportReferences.Title(t.getId(), t.getCode(), t.getNameVi(), t.getNameEn(), true))
                .toList();
        List<RosterTemplate.UnitLine> units = em.createQuery("SELECT u FROM AdminUnit u LEFT JOIN FETCH u.parent"
                        + " WHERE u.path LIKE :scope AND u.validTo IS NULL AND u.kind IN :kinds ORDER BY u.code",
                        AdminUnit.class)
                .setParameter("scope", (caller.seesEverything() ? "/" : caller.unitPath()) + "%")
                .setParameter("kinds", ROSTER_KINDS)
                .getResultList().stream().map(u -> new RosterTemplate.UnitLine(u.getCode(), u.getLabel())).toList();
        List<ImportReferences.Ethnicity> ethnicities = em.createQuery("SELECT e FROM Ethnicity e ORDER BY e.sortOrder",
                Ethnicity.class).getResultList().stream()
                .map(e -> new ImportReferences.Ethnicity(e.getCode(), e.getNameVi(), e.getNameEn())).toList();
        RosterTemplate.write(format, out, titles, units, ethnicities);
    }

    /** The file's own name, without any folder a browser sent with it, for showing back. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
