package vn.cadretraining.audit.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.RosterSheet;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Reading the audit trail: administrators and province reviewers read all of it, a coordinator the entries
 * about their unit and everything under it (through the unit's path now, so that a hamlet moved or merged
 * into their commune brings its history along); trainers and cadres are refused. Read only: the trail has no
 * change or removal, here or anywhere.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class AuditService {

    /** An export stops here; a longer period is exported in parts. */
    public static final int EXPORT_MAX = 100_000;
    static final int BATCH = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Za-z]+\\.[A-Z_]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** What the page filters by; every part optional. Days are the province's (Vietnam time), both included. */
    public record Filter(LocalDate from, LocalDate to, AuditAction action, String who, String subject)
            implements Serializable {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    public List<AuditEntry> list(Filter filter, PageRequest page) {
        TypedQuery<AuditEntry> q = em.createQuery("SELECT e FROM AuditEntry e" + where(filter)
                + " ORDER BY e.id DESC", AuditEntry.class);
        bind(q, filter);
        return q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    public long count(Filter filter) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    /**
     * The filtered entries as a file, newest first, read in batches (by id, so that entries written meanwhile
     * neither shift nor repeat rows). Values are written in the given language; text cells are neutralised
     * against formulas by the sheet.
     */
    public void export(Filter filter, FileFormat format, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("audit.col.when", "audit.col.username", "audit.col.name", "audit.col.action",
                "audit.col.subject", "audit.col.before", "audit.col.after", "audit.col.note").stream()
                .map(k -> Bundle.text(locale, k)).toList();
        try (RosterSheet sheet = RosterSheet.open(format, out, Bundle.text(locale, "audit.sheet"), headers)) {
            sheet.widths(List.of(20, 16, 24, 26, 50, 20, 20, 40));
            Long below = null;
            int written = 0;
            while (written < EXPORT_MAX) {
                TypedQuery<AuditEntry> q = em.createQuery("SELECT e FROM AuditEntry e" + where(filter, below != null)
                        + " ORDER BY e.id DESC", AuditEntry.class);
                bind(q, filter);
                if (below != null) {
                    q.setParameter("below", below);
                }
                List<AuditEntry> batch = q.setMaxResults(Math.min(BATCH, EXPORT_MAX - written)).getResultList();
                for (AuditEntry e : batch) {
                    // the time as a date cell in Vietnam's time; what is missing stays an empty cell
                    sheet.row(Arrays.asList(e.getHappenedAt().atZone(VietnamTime.ZONE).toLocalDateTime(),
                            e.getActorUsername(), e.getActorName(), Bundle.text(locale, "AuditAction." + e.getAction()),
                            e.getSubjectLabel(), value(locale, e.getValueBefore()), value(locale, e.getValueAfter()),
                            value(locale, e.getNote())));
                }
                written += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
                below = batch.get(batch.size() - 1).getId();
                em.clear();
            }
        }
    }

    /** A stored value as the reader reads it: an enum's bundle key in their language, anything else as it is. */
    public static String value(Locale locale, String stored) {
        return stored != null && KEY.matcher(stored).matches() ? Bundle.text(locale, stored) : stored;
    }

    private String where(Filter f) {
        return where(f, false);
    }

    /** No "WHERE 1 = 1": with values always bound it becomes "? = ?", which Derby refuses. */
    private String where(Filter f, boolean below) {
        Caller caller = currentUser.get();
        List<String> w = new ArrayList<>();
        String from = "";
        if (!caller.seesEverything()) {
            // a coordinator: entries about a unit in their subtree (entries about no unit are the province's)
            if (caller.role() != Role.COORDINATOR || caller.unitPath() == null) {
                throw new BusinessException("audit.error.scope");
            }
            from = ", AdminUnit u";
            w.add("u.id = e.unitId AND u.path LIKE :scope");
        }
        if (f.from() != null) {
            w.add("e.happenedAt >= :from");
        }
        if (f.to() != null) {
            w.add("e.happenedAt < :to");
        }
        if (f.action() != null) {
            w.add("e.action = :action");
        }
        if (f.who() != null && !f.who().isBlank()) {
            w.add("e.actorUsername LIKE :who ESCAPE '\\'");
        }
        if (f.subject() != null && !f.subject().isBlank()) {
            w.add("e.subjectFolded LIKE :subject ESCAPE '\\'");
        }
        if (below) {
            w.add("e.id < :below");
        }
        return from + (w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w));
    }

    private void bind(TypedQuery<?> q, Filter f) {
        Caller caller = currentUser.get();
        if (!caller.seesEverything()) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        if (f.from() != null) {
            q.setParameter("from", startOf(f.from()));
        }
        if (f.to() != null) {
            q.setParameter("to", startOf(f.to().plusDays(1)));
        }
        if (f.action() != null) {
            q.setParameter("action", f.action());
        }
        if (f.who() != null && !f.who().isBlank()) {
            // usernames are stored lower-case (Account.normalizeUsername)
            q.setParameter("who", TextFold.containsPattern(f.who()));
        }
        if (f.subject() != null && !f.subject().isBlank()) {
            q.setParameter("subject", TextFold.containsPattern(f.subject()));
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
