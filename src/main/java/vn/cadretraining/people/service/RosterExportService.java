package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.service.transfer.Choices;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.RosterColumn;
import vn.cadretraining.people.service.transfer.RosterSheet;
import vn.cadretraining.security.entity.Role;

/**
 * The roster as a file, .xlsx or .csv: whatever the roster page's filter finds, always within the caller's
 * scope (the filter goes through {@link CadreService}, which adds it), streamed batch by batch so that
 * 50,000 rows cost no more memory than 1,000. The columns are the import template's, so that an export can
 * be corrected and imported again, then the unit's name and the titles held now.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class RosterExportService {

    static final int BATCH = 1000;

    @Inject
    CadreService cadres;

    public void export(RosterFilter filter, FileFormat format, OutputStream out) throws IOException {
        List<String> headers = RosterColumn.EXPORTED.stream().map(RosterColumn::header).toList();
        try (RosterSheet sheet = RosterSheet.open(format, out, Choices.vietnamese("export.sheet"),
                headers)) {
            sheet.widths(RosterColumn.EXPORTED.stream().map(RosterColumn::width).toList());
            try {
                cadres.forEachBatch(filter, BATCH, batch -> {
                    for (RosterEntry entry : batch) {
                        try {
                            sheet.row(cells(entry));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** One cadre's cells, in {@link RosterColumn#EXPORTED} order. */
    static List<Object> cells(RosterEntry entry) {
        Cadre c = entry.cadre();
        // the titles held at the cadre's own unit, as an import reads them back (codes), with their latest start
        List<Position> here = entry.positionsNow().stream()
                .filter(p -> p.getUnit().getId().equals(c.getUnit().getId())).toList();
        Position latest = here.stream().max(Comparator.comparing(Position::getStartDate)).orElse(null);
        List<Object> cells = new ArrayList<>(RosterColumn.EXPORTED.size());
        for (RosterColumn column : RosterColumn.EXPORTED) {
            cells.add(switch (column) {
                case CODE -> c.getCode();
                case FULL_NAME -> c.getFullName();
                case GENDER -> Choices.label(c.getGender());
                case BIRTH_DATE -> c.getBirthDate();
                case ETHNICITY -> c.getEthnicity() == null ? null : c.getEthnicity().getNameVi();
                case PHONE -> c.getPhone();
                case EDUCATION -> Choices.label(c.getEducation());
                case POLITICAL_THEORY -> Choices.label(c.getPoliticalTheory());
                case PARTY_MEMBER -> Choices.yesNo(c.isPartyMember());
                case PARTY_JOINED -> c.getPartyJoined();
                case NATIONAL_ID -> entry.nationalIdShown();
                case UNIT_CODE -> c.getUnit().getCode();
                case TITLES -> here.isEmpty() ? null
                        : here.stream().map(p -> p.getTitle().getCode()).collect(Collectors.joining("; "));
                case TITLES_FROM -> latest == null ? null : (LocalDate) latest.getStartDate();
                case TERM -> latest == null ? null : latest.getTerm();
                case NEWLY_ELECTED -> here.isEmpty() ? null : Choices.yesNo(here.stream().anyMatch(Position::isNewlyElected));
                case UNIT_NAME -> c.getUnit().getLabel();
                case TITLES_NOW -> entry.positionsNow().isEmpty() ? null : entry.positionsNow().stream()
                        .map(p -> p.getUnit().getId().equals(c.getUnit().getId()) ? p.getTitle().getNameVi()
                                : p.getTitle().getNameVi() + " (" + p.getUnit().getLabel() + ")")
                        .collect(Collectors.joining("; "));
            });
        }
        return cells;
    }
}
