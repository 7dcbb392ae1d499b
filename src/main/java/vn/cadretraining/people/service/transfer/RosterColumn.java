package vn.cadretraining.people.service.transfer;

import java.util.Arrays;
import java.util.List;
import vn.cadretraining.shared.text.TextFold;

/**
 * The columns of a roster file, in the template's order: one row per cadre. The header texts are the file
 * format (Vietnamese, as the province's spreadsheets have them), not page text; the English names are
 * printed in the template's instructions and accepted as headers too. The last two are written by exports
 * only and ignored by imports, so that an export can be edited and imported again as it is.
 */
public enum RosterColumn {
    CODE("Mã cán bộ", "Cadre code", true, 14),
    FULL_NAME("Họ và tên", "Full name", true, 26),
    GENDER("Giới tính", "Gender", true, 9),
    BIRTH_DATE("Ngày sinh", "Date of birth", false, 12),
    ETHNICITY("Dân tộc", "Ethnic group", false, 12),
    PHONE("Số điện thoại", "Phone", false, 14),
    EDUCATION("Trình độ học vấn", "Education", false, 22),
    POLITICAL_THEORY("Lý luận chính trị", "Political theory", false, 18),
    PARTY_MEMBER("Đảng viên", "Party member", false, 10),
    PARTY_JOINED("Ngày vào Đảng", "Joined the Party on", false, 13),
    NATIONAL_ID("Số căn cước", "National ID number", false, 15),
    UNIT_CODE("Mã đơn vị", "Unit code", true, 12),
    TITLES("Chức danh", "Titles", false, 30),
    TITLES_FROM("Từ ngày", "Titles held from", false, 12),
    TERM("Nhiệm kỳ", "Term", false, 12),
    NEWLY_ELECTED("Mới bầu", "Newly elected", false, 9),
    // written by exports, ignored by imports
    UNIT_NAME("Tên đơn vị", "Unit name", false, 34),
    TITLES_NOW("Chức danh hiện giữ", "Titles held now", false, 44);

    /** The columns an import reads (and the template offers), in order. */
    public static final List<RosterColumn> IMPORTED = Arrays.stream(values()).filter(RosterColumn::isImported).toList();

    /** The columns of an export: the template's, then the unit's name and the titles held now. */
    public static final List<RosterColumn> EXPORTED = List.of(values());

    private final String header;
    private final String englishName;
    private final boolean required;
    private final int width;

    RosterColumn(String header, String englishName, boolean required, int width) {
        this.header = header;
        this.englishName = englishName;
        this.required = required;
        this.width = width;
    }

    /** A column width that fits its usual content, in characters, for workbooks. */
    public int width() {
        return width;
    }

    public String header() {
        return header;
    }

    public String englishName() {
        return englishName;
    }

    public boolean isRequired() {
        return required;
    }

    /** The bundle key of the column's name as pages show it ("import.column.CODE"). */
    public String labelKey() {
        return "import.column." + name();
    }

    public boolean isImported() {
        return this != UNIT_NAME && this != TITLES_NOW;
    }

    /** True for a header cell naming this column: its Vietnamese or English name, in any case or accents. */
    public boolean matchesHeader(String text) {
        String key = key(text);
        return !key.isEmpty() && (key.equals(key(header)) || key.equals(key(englishName)) || key.equals(key(name())));
    }

    /** Letters and digits only, folded: "Mã cán bộ *" and "ma can bo" compare equal. */
    static String key(String text) {
        return TextFold.fold(text).replaceAll("[^a-z0-9]", "");
    }
}
