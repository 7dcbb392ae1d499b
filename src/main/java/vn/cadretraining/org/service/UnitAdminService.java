package vn.cadretraining.org.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.IssuingBody;
import vn.cadretraining.org.entity.UnitChange;
import vn.cadretraining.org.entity.UnitChangeKind;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.entity.UnitMerge;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * Changes to the tree of units: create, rename, close, merge. Administrators only. Every change is
 * recorded in the unit's history, and a merge tells the features that keep records under units (through
 * {@link UnitEvents}) in the same transaction, so that it applies whole or not at all.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class UnitAdminService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<UnitEvents.Merged> merged;

    @Inject
    Event<UnitEvents.Merging> merging;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UnitEvents.SubtreeMoved> subtreeMoved;

    @Inject
    Event<UnitEvents.MergePreview> previewing;

    @Inject
    Event<UnitEvents.Closing> closing;

    /** What a merge would do, and what stops it, before anything is written. */
    public record Preview(List<UnitMerge.Problem> problems, List<UnitEvents.PreviewLine> lines,
            List<String> closing, String successorName, long childrenMoving) implements Serializable {
        public boolean allowed() {
            return problems.isEmpty();
        }

        public String closingText() {
            return String.join(", ", closing);
        }

        // EL 5 (Jakarta EE 10) reads properties through getters only, not record accessors
        public List<UnitMerge.Problem> getProblems() {
            return problems;
        }

        public List<UnitEvents.PreviewLine> getLines() {
            return lines;
        }

        public String getSuccessorName() {
            return successorName;
        }

        public long getChildrenMoving() {
            return childrenMoving;
        }

        public boolean isAllowed() {
            return allowed();
        }
    }

    public AdminUnit create(long parentId, String code, String name, UnitKind kind, LocalDate validFrom) {
        AdminUnit parent = unit(parentId);
        if (kind.getLevel() <= parent.getKind().getLevel()) {
            throw new BusinessException("unit.error.kindBelowParent");
        }
        if (validFrom == null) {
            throw new BusinessException("unit.error.dateRequired");
        }
        if (parent.isClosed() || !parent.isCurrentOn(validFrom)) {
            throw new BusinessException("unit.error.parentNotCurrent", parent.getName());
        }
        requireFreeCode(code);
        AdminUnit unit = new AdminUnit(code.strip(), name.strip(), kind, parent, validFrom);
        em.persist(unit);
        em.flush();
        unit.completeAfterInsert();
        record(UnitChangeKind.CREATED, unit, null, validFrom, null);
        return unit;
    }

    public AdminUnit rename(long id, long expectedVersion, String newName, LocalDate effective) {
        AdminUnit unit = unit(id);
        if (unit.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        String old = unit.getName();
        unit.rename(newName.strip());
        record(UnitChangeKind.RENAMED, unit, null, effective == null ? LocalDate.now() : effective,
                old + " → " + unit.getName());
        return unit;
    }

    /** What an administrator types for a unit's issuing body; a blank name puts the defaults back. */
    public record IssuingBodyForm(String name, String superior, Issuer.Kind kind, String abbreviation,
            String signerTitle) implements Serializable {
    }

    /**
     * Sets who issues the unit's official documents (its heading, number and signature), or with a blank name
     * returns the unit to the defaults of its level. Administrators only, within their scope.
     */
    public AdminUnit configureIssuingBody(long id, long expectedVersion, IssuingBodyForm form) {
        AdminUnit unit = unit(id);
        currentUser.requireUnitPath(unit.getPath());
        if (unit.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        if (form == null || form.name() == null || form.name().isBlank()) {
            unit.configureIssuingBody(null);
            return unit;
        }
        if (form.kind() == null) {
            throw new BusinessException("unit.issuer.error.kind");
        }
        String abbreviation = strip(form.abbreviation());
        if (abbreviation == null) {
            throw new BusinessException("unit.issuer.error.abbreviation");
        }
        if (abbreviation.length() > IssuingBody.ABBREVIATION_LENGTH || !abbreviation.matches("[\\p{L}\\p{N}.&]+")) {
            // it ends a document number ("Số 12-BC/BDVTU"): no spaces, no slashes or dashes of its own
            throw new BusinessException("unit.issuer.error.abbreviationForm", IssuingBody.ABBREVIATION_LENGTH);
        }
        String name = form.name().strip();
        String superior = strip(form.superior());
        String signer = strip(form.signerTitle());
        if (name.length() > IssuingBody.NAME_LENGTH || superior != null && superior.length() > IssuingBody.NAME_LENGTH
                || signer != null && signer.length() > IssuingBody.NAME_LENGTH) {
            throw new BusinessException("unit.issuer.error.tooLong", IssuingBody.NAME_LENGTH);
        }
        unit.configureIssuingBody(new IssuingBody(name, superior, form.kind(), abbreviation, signer));
        return unit;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Ends a unit without a successor; refused while anything is current in it. */
    public void close(long id, LocalDate effective) {
        AdminUnit unit = unit(id);
        if (effective == null) {
            throw new BusinessException("unit.error.dateRequired");
        }
        if (unit.isClosed()) {
            throw new BusinessException("unit.error.alreadyClosed", unit.getName());
        }
        if (!effective.isAfter(unit.getValidFrom())) {
            throw new BusinessException("unit.error.closeBeforeStart", unit.getName());
        }
        long children = em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.parent = :p AND u.validTo IS NULL",
                Long.class).setParameter("p", unit).getSingleResult();
        if (children > 0) {
            throw new BusinessException("unit.error.hasChildren", unit.getName(), children);
        }
        UnitEvents.Closing question = new UnitEvents.Closing(unit.getId(), unit.getPath(), effective);
        closing.fire(question);
        if (!question.problems().isEmpty()) {
            UnitMerge.Problem p = question.problems().get(0);
            throw new BusinessException(p.key(), p.args());
        }
        unit.close(effective, null);
        record(UnitChangeKind.CLOSED, unit, null, effective, null);
    }

    public Preview preview(List<Long> sourceIds, Long targetId, UnitKind newKind, String newName,
            LocalDate effective) {
        UnitMerge merge = mergeOf(sourceIds, targetId, newKind, effective);
        List<UnitMerge.Problem> problems = new ArrayList<>(merge.problems());
        if (merge.createsNewUnit() && (newName == null || newName.isBlank())) {
            problems.add(new UnitMerge.Problem("merge.error.nameRequired"));
        }
        UnitEvents.MergePreview question = new UnitEvents.MergePreview(merge, sourceIds);
        long children = 0;
        if (problems.isEmpty()) {
            previewing.fire(question);
            children = em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.parent.id IN :ids AND u.validTo IS NULL",
                    Long.class).setParameter("ids", sourceIds).getSingleResult();
        }
        return new Preview(problems, question.lines(), merge.sources().stream().map(AdminUnit::getName).toList(),
                merge.target() != null ? merge.target().getName() : newName, children);
    }

    /**
     * Merges the sources into the target (extended) or into a new unit created under {@code newParentId}
     * (by default the first source's parent) on {@code effective}. Returns the successor.
     */
    public AdminUnit merge(List<Long> sourceIds, Long targetId, UnitKind newKind, String newCode, String newName,
            Long newParentId, LocalDate effective) {
        UnitMerge merge = mergeOf(sourceIds, targetId, newKind, effective);
        List<UnitMerge.Problem> problems = merge.problems();
        if (!problems.isEmpty()) {
            throw new BusinessException(problems.get(0).key(), problems.get(0).args());
        }
        if (merge.createsNewUnit() && (newName == null || newName.isBlank())) {
            throw new BusinessException("merge.error.nameRequired");
        }
        merging.fire(new UnitEvents.Merging(sourceIds, targetId));
        AdminUnit successor;
        if (merge.createsNewUnit()) {
            long parentId = newParentId != null ? newParentId : merge.sources().get(0).getParent().getId();
            successor = create(parentId, newCode, newName, newKind, effective);
        } else {
            successor = merge.target();
            record(UnitChangeKind.EXTENDED, successor, null, effective,
                    String.join(", ", merge.sources().stream().map(AdminUnit::getName).toList()));
        }
        for (AdminUnit source : merge.sources()) {
            moveCurrentChildren(source, successor, effective);
            source.close(effective, successor);
            record(UnitChangeKind.MERGED, source, successor, effective, null);
        }
        // history that was counted under a source is counted under the successor from now on
        em.createQuery("UPDATE AdminUnit u SET u.currentUnit = :now WHERE u.currentUnit.id IN :ids")
                .setParameter("now", successor.getCurrentUnit())
                .setParameter("ids", sourceIds)
                .executeUpdate();
        em.flush();
        audit.unitsMerged(merge.sources(), successor, effective);
        merged.fire(new UnitEvents.Merged(sourceIds, successor.getId(), effective));
        return successor;
    }

    /** The units in service under a merged unit move under its successor, with their whole subtree. */
    private void moveCurrentChildren(AdminUnit source, AdminUnit successor, LocalDate effective) {
        List<AdminUnit> children = em.createQuery(
                "SELECT u FROM AdminUnit u WHERE u.parent = :p AND u.validTo IS NULL", AdminUnit.class)
                .setParameter("p", source).getResultList();
        for (AdminUnit child : children) {
            String oldPath = child.getPath();
            String newPath = successor.getPath() + child.getId() + "/";
            child.moveUnder(successor);
            em.flush();
            em.createNativeQuery("UPDATE admin_unit SET path = CAST(? AS VARCHAR(400)) || SUBSTR(path, ?) WHERE path LIKE ?")
                    .setParameter(1, newPath)
                    .setParameter(2, oldPath.length() + 1)
                    .setParameter(3, oldPath + "%")
                    .executeUpdate();
            subtreeMoved.fire(new UnitEvents.SubtreeMoved(oldPath, newPath));
            record(UnitChangeKind.MOVED, child, successor, effective, source.getName() + " → " + successor.getName());
        }
        em.flush();
        // the moved units' entities in this persistence context still hold their old paths
        children.forEach(em::refresh);
    }

    private UnitMerge mergeOf(List<Long> sourceIds, Long targetId, UnitKind newKind, LocalDate effective) {
        List<AdminUnit> sources = new ArrayList<>();
        for (Long id : sourceIds) {
            sources.add(unit(id));
        }
        AdminUnit target = targetId == null ? null : unit(targetId);
        return new UnitMerge(sources, target, target == null ? newKind : null, effective);
    }

    private void requireFreeCode(String code) {
        if (code == null || code.isBlank()) {
            throw new BusinessException("unit.error.codeRequired");
        }
        long taken = em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.code = :c", Long.class)
                .setParameter("c", code.strip()).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("unit.error.codeTaken", code.strip());
        }
    }

    private AdminUnit unit(long id) {
        AdminUnit u = em.find(AdminUnit.class, id);
        if (u == null) {
            throw new NotFoundException("unit");
        }
        return u;
    }

    private void record(UnitChangeKind kind, AdminUnit unit, AdminUnit successor, LocalDate effective, String detail) {
        em.persist(new UnitChange(kind, unit, successor, effective, detail,
                currentUser.find().map(c -> c.username()).orElse("system")));
    }
}
