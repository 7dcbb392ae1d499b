package vn.cadretraining.briefing.service;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.cadretraining.briefing.entity.Briefing;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The minutes (biên bản) of a briefing conference, in the issuing Party committee's format (Hướng dẫn 36-HD/VPTW):
 * the heading, place and date, "BIÊN BẢN", then the time and place (or the connection points), the chair and the
 * secretary, the invited and present by title, the information given (the sessions' topics), the petitions raised
 * there, and the answers due to be read out: the commune's petitions answered since its previous briefing. The
 * secretary signs on the left, the chair on the right.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class BriefingMinutes {

    @PersistenceContext
    EntityManager em;

    @Inject
    BriefingService briefings;

    public void pdf(long classId, Locale locale, OutputStream out) {
        BriefingService.Page page = briefings.page(classId);
        if (!page.mayReadMinutes()) {
            throw new NotFoundException("briefing");
        }
        CourseClass cls = page.cls();
        Briefing facts = page.facts();
        List<ClassSession> held = page.sessions().stream().filter(s -> !s.isCancelled()).toList();
        LocalDate day = held.isEmpty() ? cls.getStartDate() : held.get(0).getSessionDate();

        Document doc = OfficialPdf.open(out, false, t(locale, "briefing.minutes.title"), cls.getCode());
        // the organising unit read afresh with its superior: the heading names the committee under its Party organisation
        AdminUnit unit = em.find(AdminUnit.class, cls.getUnit().getId());
        em.refresh(unit);
        OfficialPdf.header(doc, new OfficialHeading(unit.issuer(), null, null, day));
        String subtitle = cls.getCourse().getKind() == ActivityKind.THEMATIC_BRIEFING && facts != null
                && facts.getTheme() != null ? t(locale, "briefing.minutes.thematic", facts.getTheme())
                : t(locale, "briefing.minutes.periodic", (day.getMonthValue() - 1) / 3 + 1, day.getYear());
        OfficialPdf.title(doc, t(locale, "briefing.minutes.title"), subtitle);

        // time and place
        if (!held.isEmpty()) {
            ClassSession first = held.get(0);
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.time", first.getStartTime().toString(),
                    VietnamTime.DATE.format(first.getSessionDate())));
        }
        if (cls.isOnline()) {
            String points = cls.getConnectionPoints().stream().map(Venue::getName).sorted()
                    .collect(Collectors.joining("; "));
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.online", points));
        } else {
            Venue venue = !held.isEmpty() && held.get(0).getVenue() != null ? held.get(0).getVenue() : cls.getVenue();
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.place",
                    venue == null ? t(locale, "briefing.minutes.placeUnset") : venue.getName()));
        }
        String chair = facts == null || facts.getChairName() == null ? t(locale, "briefing.minutes.unset")
                : facts.getChairName() + (facts.getChairPosition() == null ? "" : ", " + facts.getChairPosition());
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.chair", chair));
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.secretary",
                facts == null || facts.getSecretaryName() == null ? t(locale, "briefing.minutes.unset")
                        : facts.getSecretaryName()));

        // who was invited and who came, by title
        BriefingService.Count total = page.share().total();
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.attendance", total.invited(), total.attended(),
                percent(total.getPercent(), locale)));
        List<List<String>> rows = new ArrayList<>();
        for (BriefingService.Count c : page.share().byTitle()) {
            rows.add(List.of(c.title().name(locale), String.valueOf(c.invited()), String.valueOf(c.attended()),
                    percent(c.getPercent(), locale)));
        }
        OfficialPdf.table(doc, new float[] {46, 18, 18, 18}, List.of(t(locale, "briefing.title"),
                t(locale, "briefing.invited"), t(locale, "briefing.attended"), t(locale, "briefing.share")), rows, 0);

        // an online briefing: each connection point, its venue and its own attendance
        if (!page.share().byPoint().isEmpty()) {
            OfficialPdf.paragraph(doc, " ");
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.points"));
            List<List<String>> points = new ArrayList<>();
            for (BriefingService.PointCount c : page.share().byPoint()) {
                points.add(List.of(c.point(), String.valueOf(c.invited()), String.valueOf(c.attended()),
                        percent(c.getPercent(), locale)));
            }
            OfficialPdf.table(doc, new float[] {46, 18, 18, 18}, List.of(t(locale, "briefing.point"),
                    t(locale, "briefing.invited"), t(locale, "briefing.attended"), t(locale, "briefing.share")), points, 0);
        }

        // the information given
        OfficialPdf.paragraph(doc, " ");
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.topics"));
        int n = 1;
        for (ClassSession s : held) {
            if (s.getTopic() != null && !s.getTopic().isBlank()) {
                OfficialPdf.paragraph(doc, (n++) + ". " + s.getTopic());
            }
        }
        if (n == 1) {
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.none"));
        }

        // petitions raised at it
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.raised"));
        List<Petition> raised = em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser JOIN FETCH p.hamlet"
                + " WHERE p.briefing = :k ORDER BY p.id", Petition.class).setParameter("k", cls).getResultList();
        if (raised.isEmpty()) {
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.none"));
        } else {
            List<List<String>> r = new ArrayList<>();
            int i = 1;
            for (Petition p : raised) {
                r.add(List.of(String.valueOf(i++), p.getRaiser().getFullName() + " (" + p.getHamlet().getName() + ")",
                        t(locale, "PetitionField." + p.getField().name()), p.getContent()));
            }
            OfficialPdf.table(doc, new float[] {7, 28, 17, 48}, List.of(t(locale, "classRoster.no"),
                    t(locale, "briefing.minutes.raiser"), t(locale, "briefing.minutes.field"),
                    t(locale, "briefing.minutes.content")), r, 0);
        }

        // answers due to be read out: answered since the previous briefing of the same unit, up to this one
        OfficialPdf.paragraph(doc, " ");
        OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.answers"));
        List<Petition> answers = answersDue(cls, day);
        if (answers.isEmpty()) {
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.none"));
        } else {
            List<List<String>> r = new ArrayList<>();
            int i = 1;
            for (Petition p : answers) {
                r.add(List.of(String.valueOf(i++), p.getContent(), p.getAnswer() == null ? "" : p.getAnswer(),
                        (p.getAnswerNumber() == null ? "" : p.getAnswerNumber() + ", ")
                                + VietnamTime.DATE.format(p.getAnsweredOn())));
            }
            OfficialPdf.table(doc, new float[] {7, 36, 40, 17}, List.of(t(locale, "classRoster.no"),
                    t(locale, "briefing.minutes.content"), t(locale, "briefing.minutes.answer"),
                    t(locale, "briefing.minutes.answerNumber")), r, 0);
        }

        if (!held.isEmpty()) {
            ClassSession last = held.get(held.size() - 1);
            OfficialPdf.paragraph(doc, " ");
            OfficialPdf.paragraph(doc, t(locale, "briefing.minutes.closing", last.getEndTime().toString()));
        }
        signatures(doc, locale, facts);
        doc.close();
    }

    /**
     * The unit's petitions answered after its previous briefing (held, not cancelled) and by this one's day: what
     * the agenda reads out. A province-level briefing reads the answers to petitions transferred up to it.
     */
    List<Petition> answersDue(CourseClass cls, LocalDate day) {
        LocalDate previous = em.createQuery("SELECT MAX(k.startDate) FROM CourseClass k WHERE k.unit = :u"
                        + " AND k.course.kind IN :kinds AND k.status <> :draft AND k.status <> :cancelled"
                        + " AND k.startDate < :day AND k <> :k", LocalDate.class)
                .setParameter("u", cls.getUnit()).setParameter("kinds", List.of(ActivityKind.PERIODIC_BRIEFING,
                        ActivityKind.THEMATIC_BRIEFING))
                .setParameter("draft", ClassStatus.DRAFT).setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("day", cls.getStartDate()).setParameter("k", cls).getSingleResult();
        boolean province = cls.getUnit().getKind() == UnitKind.PROVINCE;
        var q = em.createQuery("SELECT p FROM Petition p WHERE p.answeredOn IS NOT NULL AND p.answeredOn > :from"
                        + " AND p.answeredOn <= :day"
                        + (province ? " AND p.atProvince = TRUE" : " AND p.commune = :u")
                        + " ORDER BY p.answeredOn, p.id", Petition.class)
                .setParameter("from", previous == null ? LocalDate.of(1900, 1, 1) : previous)
                .setParameter("day", day);
        if (!province) {
            q.setParameter("u", cls.getUnit());
        }
        return q.getResultList();
    }

    /** The secretary on the left, the chair on the right, each with room to sign and the name. */
    private static void signatures(Document doc, Locale locale, Briefing facts) {
        PdfPTable table = new PdfPTable(new float[] {50, 50});
        table.setWidthPercentage(100);
        table.setSpacingBefore(18);
        table.setKeepTogether(true);
        table.addCell(signer(t(locale, "briefing.minutes.secretarySigns"),
                facts == null ? null : facts.getSecretaryName()));
        table.addCell(signer(t(locale, "briefing.minutes.chairSigns"), facts == null ? null : facts.getChairName()));
        OfficialPdf.add(doc, table);
    }

    private static PdfPCell signer(String function, String name) {
        Paragraph space = new Paragraph(" ", OfficialPdf.font(10));
        space.setSpacingBefore(48);
        return OfficialPdf.plainCell(OfficialPdf.centered(function.toUpperCase(Locale.forLanguageTag("vi")),
                OfficialPdf.bold(11)), space, OfficialPdf.centered(name == null ? "" : name, OfficialPdf.bold(11)));
    }

    private static String percent(Double p, Locale locale) {
        return p == null ? "—" : String.format(locale, "%.1f%%", p);
    }

    private static String t(Locale locale, String key, Object... args) {
        return Bundle.text(locale, key, args);
    }
}
