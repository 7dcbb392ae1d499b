package vn.cadretraining.people.service.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The file a coordinator fills in: the header row alone on the first sheet (which is the only one an import
 * reads); in the workbook, further sheets explain each column in Vietnamese and English and list the codes
 * to use: titles, the units in the coordinator's scope, ethnic groups.
 */
public final class RosterTemplate {

    /** A unit a row may name, with its commune for hamlets (every ward has a "Khu phố 1"). */
    public record UnitLine(String code, String label) {
    }

    private RosterTemplate() {
    }

    public static void write(FileFormat format, OutputStream out, List<ImportReferences.Title> titles,
            List<UnitLine> units, List<ImportReferences.Ethnicity> ethnicities) throws IOException {
        List<String> headers = RosterColumn.IMPORTED.stream().map(RosterColumn::header).toList();
        try (RosterSheet sheet = RosterSheet.open(format, out, text("import.template.sheet.rows"), headers)) {
            if (format == FileFormat.CSV) {
                return;
            }
            sheet.widths(RosterColumn.IMPORTED.stream().map(RosterColumn::width).toList());
            sheet.nextSheet(text("import.template.sheet.help"), List.of(text("import.template.column"),
                    "English name", text("import.template.required"), text("import.template.how"), "How to fill in"));
            sheet.widths(List.of(20, 20, 10, 70, 70));
            for (RosterColumn c : RosterColumn.IMPORTED) {
                sheet.row(List.of(c.header(), c.englishName(), Choices.yesNo(c.isRequired()),
                        Choices.text(Choices.VI, "import.help." + c.name()),
                        Choices.text(Locale.ENGLISH, "import.help." + c.name())));
            }
            sheet.nextSheet(text("import.template.sheet.titles"), List.of(text("import.template.code"),
                    text("import.template.nameVi"), text("import.template.nameEn")));
            sheet.widths(List.of(24, 50, 44));
            for (ImportReferences.Title t : titles) {
                if (t.active()) {
                    sheet.row(List.of(t.code(), t.nameVi(), t.nameEn()));
                }
            }
            sheet.nextSheet(text("import.template.sheet.units"), List.of(RosterColumn.UNIT_CODE.header(),
                    RosterColumn.UNIT_NAME.header()));
            sheet.widths(List.of(14, 44));
            for (UnitLine u : units) {
                sheet.row(List.of(u.code(), u.label()));
            }
            sheet.nextSheet(text("import.template.sheet.ethnicities"), List.of(text("import.template.code"),
                    text("import.template.nameVi"), text("import.template.nameEn")));
            for (ImportReferences.Ethnicity e : ethnicities) {
                sheet.row(List.of(e.code(), e.nameVi(), e.nameEn()));
            }
        }
    }

    private static String text(String key) {
        return Choices.text(Choices.VI, key);
    }
}
