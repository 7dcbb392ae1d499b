package vn.cadretraining.people.service.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;

/** Every kind of problem a roster row can have, and what a valid row does. */
class RosterRowValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String MY_WARD = "/1/7/";

    static final ImportReferences.Title SECRETARY = new ImportReferences.Title(1, "PARTY_CELL_SECRETARY",
            "Bí thư chi bộ", "Party cell secretary", true);
    static final ImportReferences.Title HEAD = new ImportReferences.Title(2, "HAMLET_HEAD",
            "Trưởng thôn, trưởng khu phố, tổ trưởng tổ dân phố", "Hamlet or quarter head", true);
    static final ImportReferences.Title OLD = new ImportReferences.Title(3, "OLD_TITLE", "Chức danh cũ", "Old title", false);

    static final ImportReferences.Unit KP1 = new ImportReferences.Unit(100, "20001-01", "Khu phố 1", "/1/7/100/", true, true);
    static final ImportReferences.Unit KP5 = new ImportReferences.Unit(105, "20001-05", "Khu phố 5", "/1/7/105/", false, true);
    static final ImportReferences.Unit WARD = new ImportReferences.Unit(7, "20001", "Phường Hạ Long", "/1/7/", true, true);
    static final ImportReferences.Unit PROVINCE = new ImportReferences.Unit(1, "22", "Tỉnh Quảng Ninh", "/1/", true, false);
    static final ImportReferences.Unit OTHER_WARD_KP = new ImportReferences.Unit(200, "20002-01", "Khu phố 1", "/1/8/200/", true, true);

    static final ImportReferences.Existing HOI = existing(10, "CB001", "Nguyễn Văn Hồi", LocalDate.of(1970, 5, 1), KP1,
            Set.of(new ImportReferences.Held(SECRETARY.id(), KP1.id())));
    static final ImportReferences.Existing OUTSIDER = existing(20, "CB002", "Lê Thị Ngoài", LocalDate.of(1980, 1, 1),
            OTHER_WARD_KP, Set.of());

    /** The references a coordinator of the ward /1/7/ sees. */
    static ImportReferences refs() {
        return new ImportReferences(path -> path.startsWith(MY_WARD), TODAY,
                List.of(new ImportReferences.Ethnicity("KINH", "Kinh", "Kinh"),
                        new ImportReferences.Ethnicity("TAY", "Tày", "Tay"),
                        new ImportReferences.Ethnicity("SAN_CHAY", "Sán Chay (Sán Chỉ)", "San Chay (San Chi)"),
                        new ImportReferences.Ethnicity("BRU_VAN_KIEU", "Bru - Vân Kiều", "Bru - Van Kieu")),
                List.of(SECRETARY, HEAD, OLD), List.of(KP1, KP5, WARD, PROVINCE, OTHER_WARD_KP), List.of(HOI, OUTSIDER));
    }

    static ImportReferences.Existing existing(long id, String code, String name, LocalDate born, ImportReferences.Unit unit,
            Set<ImportReferences.Held> held) {
        return new ImportReferences.Existing(id, 3, code, name, vn.cadretraining.shared.text.TextFold.fold(name),
                Gender.MALE, born, "KINH", "0912345678", EducationLevel.UPPER_SECONDARY, PoliticalTheoryLevel.ELEMENTARY,
                true, LocalDate.of(1995, 3, 2), "022070123456", unit.id(), unit.path(), held);
    }

    /** A valid new cadre's row, changed by the pairs given. */
    static RawRow row(int number, Object... changes) {
        Map<RosterColumn, String> v = new EnumMap<>(RosterColumn.class);
        v.put(RosterColumn.CODE, "CB100");
        v.put(RosterColumn.FULL_NAME, "Hoàng Thị Mới");
        v.put(RosterColumn.GENDER, "Nữ");
        v.put(RosterColumn.BIRTH_DATE, "25/03/1978");
        v.put(RosterColumn.UNIT_CODE, "20001-01");
        for (int i = 0; i < changes.length; i += 2) {
            v.put((RosterColumn) changes[i], (String) changes[i + 1]);
        }
        return RawRow.of(number, v);
    }

    static RosterRowValidator.Checked check(RawRow row) {
        return RosterRowValidator.check(List.of(row), refs()).get(0);
    }

    static Set<String> keys(RosterRowValidator.Checked checked) {
        return checked.problems().stream().map(ImportProblem::key).collect(Collectors.toSet());
    }

    static void assertProblem(String key, RosterColumn column, Object... changes) {
        RosterRowValidator.Checked checked = check(row(2, changes));
        assertFalse(checked.isValid(), key);
        assertTrue(checked.problems().stream().anyMatch(p -> p.key().equals(key) && p.column() == column),
                () -> "expected " + key + " on " + column + ", got " + checked.problems());
        assertNull(checked.values(), "no values for a row with problems");
    }

    @Test
    void aCompleteRowIsValidAndParsed() {
        RosterRowValidator.Checked checked = check(row(2, RosterColumn.ETHNICITY, "tay", RosterColumn.PHONE, "0912 345.678",
                RosterColumn.EDUCATION, "Trung hoc pho thong", RosterColumn.POLITICAL_THEORY, "ELEMENTARY",
                RosterColumn.PARTY_MEMBER, "Có", RosterColumn.PARTY_JOINED, "2005-05-01",
                RosterColumn.NATIONAL_ID, "022 078 123 456", RosterColumn.TITLES, "Bí thư chi bộ; trưởng thôn",
                RosterColumn.TITLES_FROM, "1/7/2025", RosterColumn.TERM, "2025–2030", RosterColumn.NEWLY_ELECTED, "x"));
        assertTrue(checked.isValid(), () -> checked.problems().toString());
        CadreValues v = checked.values();
        assertEquals("CB100", v.code());
        assertEquals(Gender.FEMALE, v.gender());
        assertEquals(LocalDate.of(1978, 3, 25), v.birthDate());
        assertEquals("TAY", v.ethnicityCode());
        assertEquals("0912345678", v.phone());
        assertEquals(EducationLevel.UPPER_SECONDARY, v.education());
        assertEquals(PoliticalTheoryLevel.ELEMENTARY, v.politicalTheory());
        assertEquals(Boolean.TRUE, v.partyMember());
        assertEquals(LocalDate.of(2005, 5, 1), v.partyJoined());
        assertEquals("022078123456", v.nationalId());
        assertEquals(KP1, v.unit());
        assertEquals(List.of(SECRETARY, HEAD), v.titles(), "two titles at once (kiêm nhiệm), a part of a long name");
        assertEquals(LocalDate.of(2025, 7, 1), v.titlesFrom());
        assertTrue(v.newlyElected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tày", "Tay", "TAY", "tày", "  TÀY "})
    void anEthnicGroupIsFoundWhateverItsCaseOrDiacritics(String typed) {
        assertEquals("TAY", check(row(2, RosterColumn.ETHNICITY, typed)).values().ethnicityCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"San Chi", "Sán Chỉ", "Sán Chay", "SAN_CHAY"})
    void anEthnicGroupIsFoundByItsOtherNameOrCode(String typed) {
        assertEquals("SAN_CHAY", check(row(2, RosterColumn.ETHNICITY, typed)).values().ethnicityCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nam", "nam", "Male", "MALE"})
    void genderInVietnameseOrEnglish(String typed) {
        assertEquals(Gender.MALE, check(row(2, RosterColumn.GENDER, typed)).values().gender());
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "m", "Nam", "NAM", "male", "Male"})
    void genderWrittenAsMaleInAnyCommonForm(String typed) {
        assertEquals(Gender.MALE, check(row(2, RosterColumn.GENDER, typed)).values().gender(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"F", "f", "Nữ", "nữ", "Nu", "nu", "NỮ", "NU", "Female", "female"})
    void genderWrittenAsFemaleInAnyCommonForm(String typed) {
        assertEquals(Gender.FEMALE, check(row(2, RosterColumn.GENDER, typed)).values().gender(), typed);
    }

    @Test
    void theRowSaysWhichValuesAreStoredInAnotherForm() {
        RosterRowValidator.Checked checked = check(row(2, RosterColumn.GENDER, "F", RosterColumn.PHONE, "+84 912 345 678"));
        assertTrue(checked.isValid(), () -> checked.problems().toString());
        assertEquals("0912345678", checked.values().phone());
        assertEquals(List.of("import.normalised.FEMALE", "import.normalised.phone"),
                checked.notes().stream().map(ImportProblem::key).toList());
        assertEquals(List.of("+84 912 345 678", "0912345678"), List.of(checked.notes().get(1).args()));
        assertEquals(RosterColumn.PHONE, checked.notes().get(1).column());
        RosterRowValidator.Checked plain = check(row(2, RosterColumn.GENDER, "Nam", RosterColumn.PHONE, "0912345678"));
        assertEquals(List.of(), plain.notes(), "values already in their stored form need no note");
    }

    @Test
    void missingRequiredFields() {
        for (RosterColumn c : List.of(RosterColumn.CODE, RosterColumn.FULL_NAME, RosterColumn.GENDER, RosterColumn.UNIT_CODE)) {
            assertProblem("import.problem.required", c, c, " ");
        }
        assertProblem("import.problem.titlesFromRequired", RosterColumn.TITLES_FROM, RosterColumn.TITLES, "HAMLET_HEAD");
    }

    @Test
    void badValues() {
        assertProblem("import.problem.codePattern", RosterColumn.CODE, RosterColumn.CODE, "CB 1/2");
        assertProblem("import.problem.tooLong", RosterColumn.FULL_NAME, RosterColumn.FULL_NAME, "A".repeat(151));
        assertProblem("import.problem.gender", RosterColumn.GENDER, RosterColumn.GENDER, "Khác");
        assertProblem("import.problem.phone", RosterColumn.PHONE, RosterColumn.PHONE, "912345678");
        assertProblem("import.problem.phone", RosterColumn.PHONE, RosterColumn.PHONE, "+84 12 345");
        assertProblem("import.problem.phone", RosterColumn.PHONE, RosterColumn.PHONE, "0912 345 67x");
        assertProblem("import.problem.gender", RosterColumn.GENDER, RosterColumn.GENDER, "X");
        assertProblem("import.problem.nationalId", RosterColumn.NATIONAL_ID, RosterColumn.NATIONAL_ID, "12345");
        assertProblem("import.problem.notInList", RosterColumn.EDUCATION, RosterColumn.EDUCATION, "Tiến sĩ vũ trụ");
        assertProblem("import.problem.notInList", RosterColumn.POLITICAL_THEORY, RosterColumn.POLITICAL_THEORY, "Giỏi");
        assertProblem("import.problem.notInList", RosterColumn.PARTY_MEMBER, RosterColumn.PARTY_MEMBER, "Có lẽ");
        assertProblem("import.problem.notInList", RosterColumn.NEWLY_ELECTED, RosterColumn.NEWLY_ELECTED, "?");
        assertProblem("import.problem.unknownEthnicity", RosterColumn.ETHNICITY, RosterColumn.ETHNICITY, "Klingon");
        assertProblem("import.problem.tooLong", RosterColumn.TERM, RosterColumn.TERM, "2025–2030 và tiếp theo nữa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/1980", "1980", "12/31/1980", "hôm qua", "25/03/78", "00/01/1980"})
    void badDates(String typed) {
        assertProblem("import.problem.badDate", RosterColumn.BIRTH_DATE, RosterColumn.BIRTH_DATE, typed);
    }

    @Test
    void datesThatCannotBe() {
        assertProblem("import.problem.futureDate", RosterColumn.BIRTH_DATE, RosterColumn.BIRTH_DATE, "01/01/2030");
        assertProblem("import.problem.joinedBeforeBirth", RosterColumn.PARTY_JOINED, RosterColumn.PARTY_JOINED, "01/01/1970");
        assertProblem("import.problem.joinedButNotMember", RosterColumn.PARTY_JOINED, RosterColumn.PARTY_JOINED,
                "01/01/2005", RosterColumn.PARTY_MEMBER, "Không");
        assertProblem("import.problem.badDate", RosterColumn.TITLES_FROM, RosterColumn.TITLES, "HAMLET_HEAD",
                RosterColumn.TITLES_FROM, "mùa xuân");
    }

    @Test
    void units() {
        assertProblem("import.problem.unknownUnit", RosterColumn.UNIT_CODE, RosterColumn.UNIT_CODE, "99999");
        assertProblem("import.problem.unitNotCurrent", RosterColumn.UNIT_CODE, RosterColumn.UNIT_CODE, "20001-05");
        assertProblem("import.problem.unitOutOfScope", RosterColumn.UNIT_CODE, RosterColumn.UNIT_CODE, "20002-01");
        RosterRowValidator.Checked province = check(row(2, RosterColumn.UNIT_CODE, "22"));
        assertEquals(Set.of("import.problem.unitOutOfScope"), keys(province), "the province is outside a ward's scope");
        ImportReferences everything = new ImportReferences(path -> true, TODAY, List.of(), List.of(),
                List.of(PROVINCE), List.of());
        assertEquals(Set.of("import.problem.unitLevel"), keys(RosterRowValidator.check(
                List.of(row(2, RosterColumn.UNIT_CODE, "22")), everything).get(0)), "the province has no roster");
        assertTrue(check(row(2, RosterColumn.UNIT_CODE, "20001")).isValid(), "the ward itself has a roster");
        assertTrue(check(row(2, RosterColumn.UNIT_CODE, " 20001-01 ")).isValid());
    }

    @Test
    void titles() {
        assertProblem("import.problem.unknownTitle", RosterColumn.TITLES, RosterColumn.TITLES, "Vua; HAMLET_HEAD",
                RosterColumn.TITLES_FROM, "01/07/2025");
        assertProblem("import.problem.inactiveTitle", RosterColumn.TITLES, RosterColumn.TITLES, "OLD_TITLE",
                RosterColumn.TITLES_FROM, "01/07/2025");
    }

    @Test
    void aCodeTwiceInTheFileIsAProblemOnEveryRowThatHasIt() {
        List<RosterRowValidator.Checked> checked = RosterRowValidator.check(List.of(row(2), row(3, RosterColumn.CODE, "CB101"),
                row(4, RosterColumn.CODE, "cb100")), refs());
        assertEquals(Set.of("import.problem.duplicateInFile"), keys(checked.get(0)));
        assertEquals("4", checked.get(0).problems().get(0).args()[1], "names the other row");
        assertTrue(checked.get(1).isValid());
        assertEquals(Set.of("import.problem.duplicateInFile"), keys(checked.get(2)), "codes compare without case");
    }

    @Test
    void aCodeOfSomeoneElseInScopeNamesThem() {
        RosterRowValidator.Checked other = check(row(2, RosterColumn.CODE, "CB001", RosterColumn.FULL_NAME, "Trần Văn Khác",
                RosterColumn.BIRTH_DATE, "01/05/1970"));
        assertEquals(Set.of("import.problem.codeTaken"), keys(other));
        assertEquals(List.of("CB001", "Nguyễn Văn Hồi", "01/05/1970"), List.of(other.problems().get(0).args()));
        RosterRowValidator.Checked bornElsewhen = check(row(2, RosterColumn.CODE, "CB001", RosterColumn.FULL_NAME,
                "Nguyễn Văn Hồi", RosterColumn.BIRTH_DATE, "02/05/1970"));
        assertEquals(Set.of("import.problem.codeTaken"), keys(bornElsewhen), "same name, another birth date: another person");
    }

    @Test
    void aCodeOfSomeoneOutsideTheScopeIsAlwaysAProblemAndSaysNoMore() {
        RosterRowValidator.Checked sameName = check(row(2, RosterColumn.CODE, "CB002", RosterColumn.FULL_NAME, "Lê Thị Ngoài",
                RosterColumn.BIRTH_DATE, "01/01/1980"));
        assertEquals(Set.of("import.problem.codeOutOfScope"), keys(sameName));
        assertEquals(List.of("CB002"), List.of(sameName.problems().get(0).args()), "neither name nor birth date");
    }

    @Test
    void theSamePersonWrittenWithoutDiacriticsIsAnUpdateNotAnotherPerson() {
        RosterRowValidator.Checked same = check(row(2, RosterColumn.CODE, "cb001", RosterColumn.FULL_NAME, "NGUYEN VAN HOI",
                RosterColumn.GENDER, "Nam", RosterColumn.BIRTH_DATE, "01/05/1970"));
        assertTrue(same.isValid(), () -> same.problems().toString());
        RowChange change = RowChange.of(same.values(), HOI);
        assertEquals(RowAction.UPDATE, change.action(), "the name's spelling changes");
        assertTrue(change.searchWordsChanged());
    }

    // ---- what applying a valid row does ----

    static RowChange change(RawRow row, ImportReferences.Existing existing) {
        RosterRowValidator.Checked checked = check(row);
        assertTrue(checked.isValid(), () -> checked.problems().toString());
        return RowChange.of(checked.values(), existing);
    }

    static RawRow hoiAsExported(Object... changes) {
        Object[] base = {RosterColumn.CODE, "CB001", RosterColumn.FULL_NAME, "Nguyễn Văn Hồi", RosterColumn.GENDER, "Nam",
            RosterColumn.BIRTH_DATE, "01/05/1970", RosterColumn.ETHNICITY, "Kinh", RosterColumn.PHONE, "0912345678",
            RosterColumn.EDUCATION, "Trung học phổ thông", RosterColumn.POLITICAL_THEORY, "Sơ cấp",
            RosterColumn.PARTY_MEMBER, "Có", RosterColumn.PARTY_JOINED, "02/03/1995", RosterColumn.NATIONAL_ID, "022070123456",
            RosterColumn.UNIT_CODE, "20001-01", RosterColumn.TITLES, "PARTY_CELL_SECRETARY", RosterColumn.TITLES_FROM, "01/07/2020"};
        Object[] all = java.util.Arrays.copyOf(base, base.length + changes.length);
        System.arraycopy(changes, 0, all, base.length, changes.length);
        return row(2, all);
    }

    @Test
    void theSameValuesChangeNothing() {
        RowChange same = change(hoiAsExported(), HOI);
        assertEquals(RowAction.UNCHANGED, same.action());
        assertFalse(same.cadreChanged());
        assertTrue(same.newTitles().isEmpty(), "a title held now at that unit is not started again");
    }

    @Test
    void blankCellsKeepWhatWasThere() {
        RowChange onlyRequired = change(row(2, RosterColumn.CODE, "CB001", RosterColumn.FULL_NAME, "Nguyễn Văn Hồi",
                RosterColumn.GENDER, "Nam", RosterColumn.BIRTH_DATE, null), HOI);
        assertEquals(RowAction.UNCHANGED, onlyRequired.action(), "a file with only the required columns wipes nothing");
        assertEquals("0912345678", onlyRequired.phone());
        assertEquals(LocalDate.of(1995, 3, 2), onlyRequired.partyJoined());
    }

    @Test
    void aChangedValueOrANewTitleIsAnUpdate() {
        RowChange phone = change(hoiAsExported(RosterColumn.PHONE, "0987654321"), HOI);
        assertEquals(RowAction.UPDATE, phone.action());
        assertTrue(phone.searchWordsChanged(), "the phone is a search word");
        RowChange title = change(hoiAsExported(RosterColumn.TITLES, "PARTY_CELL_SECRETARY; HAMLET_HEAD"), HOI);
        assertEquals(RowAction.UPDATE, title.action());
        assertFalse(title.cadreChanged(), "the cadre's own row stays as it is");
        assertEquals(List.of(HEAD), title.newTitles());
        RowChange leftParty = change(hoiAsExported(RosterColumn.PARTY_MEMBER, "Không", RosterColumn.PARTY_JOINED, null), HOI);
        assertFalse(leftParty.partyMember());
        assertNull(leftParty.partyJoined(), "no date of joining without membership");
    }

    @Test
    void aNewCadreIsAnInsertWithAllItsTitles() {
        RowChange insert = change(row(2, RosterColumn.TITLES, "HAMLET_HEAD", RosterColumn.TITLES_FROM, "01/07/2025",
                RosterColumn.PARTY_JOINED, "01/01/2010"), null);
        assertEquals(RowAction.INSERT, insert.action());
        assertEquals(List.of(HEAD), insert.newTitles());
        assertTrue(insert.partyMember(), "a date of joining the Party implies membership");
        assertNotNull(insert.partyJoined());
    }
}
