package vn.cadretraining.shared.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words at the top of an official document, by the kind of its issuer, so that its PDF and its workbook say
 * the same. Party organs (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, the issuing body under
 * its superior on the left with an asterisk under it, then "Số 12-BC/BDVTU". State bodies (Nghị định
 * 30/2020/NĐ-CP): the national motto on the right, "Số: 12/BC-UBND" on the left.
 *
 * @param issuer       who issues it
 * @param documentKind the kind's abbreviation in the number ("BC" for a report); null: the paper has no number
 * @param number       the number; null with a kind: left blank, with room to write it by hand; with no kind, a
 *                     number of the paper's own register (a certificate's) printed as it is
 * @param date         the day of issue, or null for no date line
 */
public record OfficialHeading(Issuer issuer, String documentKind, String number, LocalDate date) {

    static final Locale VI = Locale.forLanguageTag("vi");

    public static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";
    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /** Wide enough to write a number of four digits by hand. */
    static final String BLANK_NUMBER = "       ";

    /** The superior line, or null when the body has none ("TỈNH ỦY QUẢNG NINH"). */
    public String superiorLine() {
        return issuer.superior() == null || issuer.superior().isBlank() ? null : issuer.superior().strip().toUpperCase(VI);
    }

    public String issuerLine() {
        return issuer.name().strip().toUpperCase(VI);
    }

    /**
     * "Số 12-BC/BDVTU" for a Party organ (Hướng dẫn 36: no colon, the kind before the body), "Số: 12/BC-UBND" for
     * a state body (Nghị định 30); null when the paper has no number.
     */
    public String numberLine() {
        String prefix = issuer.isParty() ? "Số " : "Số: ";
        if (documentKind == null) {
            return number == null || number.isBlank() ? null : prefix + number;
        }
        String n = number == null || number.isBlank() ? BLANK_NUMBER : number;
        String abbreviation = issuer.abbreviation() == null ? "" : issuer.abbreviation().strip();
        return issuer.isParty() ? prefix + n + "-" + documentKind + (abbreviation.isEmpty() ? "" : "/" + abbreviation)
                : prefix + n + "/" + documentKind + (abbreviation.isEmpty() ? "" : "-" + abbreviation);
    }

    /** The place and date line, or null without a date. */
    public String dateLine() {
        if (date == null) {
            return null;
        }
        return issuer.isParty() ? partyDate(issuer.place(), date) : stateDate(issuer.place(), date);
    }

    /**
     * Nghị định 30/2020, Phụ lục I: the day, month and year in Arabic digits, a day under 10 and the months 1 and
     * 2 with a leading zero (so that nobody turns "ngày 5" into "ngày 15", or "tháng 1" into "tháng 11"):
     * "Hạ Long, ngày 05 tháng 02 năm 2026", but "tháng 6".
     */
    public static String stateDate(String place, LocalDate date) {
        return place(place) + "ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
    }

    /**
     * Hướng dẫn 36-HD/VPTW (2018), II.4: the same rule for Party documents, a day under 10 and the months 1 and 2
     * take a leading zero; the guide's own heading reads "Hà Nội, ngày 03 tháng 4 năm 2018".
     */
    public static String partyDate(String place, LocalDate date) {
        return place(place) + "ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
    }

    private static String place(String place) {
        return place == null || place.isBlank() ? "" : place.strip() + ", ";
    }

    private static String day(LocalDate date) {
        return date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
    }

    private static String month(LocalDate date) {
        return date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
    }

    /** The left block as plain lines, top to bottom (for a workbook). */
    public List<String> leftLines() {
        List<String> lines = new ArrayList<>();
        if (superiorLine() != null) {
            lines.add(superiorLine());
        }
        lines.add(issuerLine());
        if (issuer.isParty()) {
            lines.add("*");
        }
        if (numberLine() != null) {
            lines.add(numberLine());
        }
        return lines;
    }

    /** The right block as plain lines, top to bottom (for a workbook). */
    public List<String> rightLines() {
        List<String> lines = new ArrayList<>(issuer.isParty() ? List.of(PARTY) : List.of(NATION, MOTTO));
        if (dateLine() != null) {
            lines.add(dateLine());
        }
        return lines;
    }

    /** The signer's title as the signature block prints it, one line per part ("T/M ĐẢNG ỦY", "BÍ THƯ"). */
    public static List<String> signerLines(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        return Arrays.stream(title.split(" / ")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(VI)).toList();
    }
}
