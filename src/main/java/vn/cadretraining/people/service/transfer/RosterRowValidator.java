package vn.cadretraining.people.service.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The rules a roster row must meet before anything is written, each broken rule one problem for the
 * preview: required fields, dates, the closed lists, units (known, in service, in the importer's scope),
 * titles, a code given twice in the file, and a code that already belongs to someone else.
 *
 * <p>"Someone else": the code exists for a cadre whose name (compared folded, so that adding diacritics is
 * a correction, not another person) or date of birth differs from the row. The problem names that person
 * only when the importer may see them; a code held outside the importer's scope is always a problem and
 * says no more than that.
 */
public final class RosterRowValidator {

    /**
     * A row checked: its problems, and its parsed values when it has none; notes say which values were written
     * another way than they are stored ("+84 912 345 678" stored as 0912345678), for the preview.
     */
    public record Checked(RawRow raw, List<ImportProblem> problems, CadreValues values, List<ImportProblem> notes) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private RosterRowValidator() {
    }

    /** Checks every row, then the codes the file gives more than once. */
    public static List<Checked> check(List<RawRow> rows, ImportReferences refs) {
        Map<String, List<Integer>> rowsByCode = new HashMap<>();
        for (RawRow row : rows) {
            String code = Cadre.normalizeCode(row.get(RosterColumn.CODE));
            if (code != null) {
                rowsByCode.computeIfAbsent(code, k -> new ArrayList<>()).add(row.number());
            }
        }
        List<Checked> checked = new ArrayList<>(rows.size());
        for (RawRow row : rows) {
            List<ImportProblem> problems = new ArrayList<>();
            List<ImportProblem> notes = new ArrayList<>();
            CadreValues values = check(row, refs, problems, notes);
            String code = Cadre.normalizeCode(row.get(RosterColumn.CODE));
            List<Integer> same = code == null ? List.of() : rowsByCode.get(code);
            if (same.size() > 1) {
                String others = same.stream().filter(n -> n != row.number()).limit(5).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                problems.add(0, new ImportProblem("import.problem.duplicateInFile", RosterColumn.CODE, code, others));
            }
            checked.add(new Checked(row, List.copyOf(problems), problems.isEmpty() ? values : null, List.copyOf(notes)));
        }
        return checked;
    }

    static CadreValues check(RawRow row, ImportReferences refs, List<ImportProblem> problems, List<ImportProblem> notes) {
        String code = Cadre.normalizeCode(required(row, RosterColumn.CODE, problems));
        if (code != null && !code.matches(Cadre.CODE_PATTERN)) {
            problems.add(new ImportProblem("import.problem.codePattern", RosterColumn.CODE, code));
        }
        String fullName = Cadre.normalizeName(required(row, RosterColumn.FULL_NAME, problems));
        if (fullName != null && fullName.length() > Cadre.NAME_LENGTH) {
            problems.add(new ImportProblem("import.problem.tooLong", RosterColumn.FULL_NAME, Cadre.NAME_LENGTH));
        }
        Gender gender = null;
        String genderText = required(row, RosterColumn.GENDER, problems);
        if (genderText != null) {
            gender = Choices.gender(genderText);
            if (gender == null) {
                problems.add(new ImportProblem("import.problem.gender", RosterColumn.GENDER, genderText));
            } else if (!genderText.strip().equals(Choices.label(gender))) {
                notes.add(new ImportProblem(gender == Gender.MALE ? "import.normalised.MALE" : "import.normalised.FEMALE",
                        RosterColumn.GENDER, genderText.strip()));
            }
        }
        LocalDate birthDate = date(row, RosterColumn.BIRTH_DATE, problems);
        if (birthDate != null && birthDate.isAfter(refs.today())) {
            problems.add(new ImportProblem("import.problem.futureDate", RosterColumn.BIRTH_DATE, VietnamTime.DATE.format(birthDate)));
        }
        String ethnicityCode = null;
        String ethnicityText = row.get(RosterColumn.ETHNICITY);
        if (ethnicityText != null) {
            ethnicityCode = refs.ethnicity(ethnicityText);
            if (ethnicityCode == null) {
                problems.add(new ImportProblem("import.problem.unknownEthnicity", RosterColumn.ETHNICITY, ethnicityText));
            }
        }
        String phone = null;
        String phoneText = row.get(RosterColumn.PHONE);
        if (phoneText != null) {
            phone = PhoneNumbers.normalize(phoneText);
            if (phone == null) {
                problems.add(new ImportProblem("import.problem.phone", RosterColumn.PHONE, phoneText));
            } else if (!phone.equals(phoneText.strip())) {
                notes.add(new ImportProblem("import.normalised.phone", RosterColumn.PHONE, phoneText.strip(), phone));
            }
        }
        EducationLevel education = choice(row, RosterColumn.EDUCATION, Choices::education, problems);
        PoliticalTheoryLevel politicalTheory = choice(row, RosterColumn.POLITICAL_THEORY, Choices::politicalTheory, problems);
        Boolean partyMember = choice(row, RosterColumn.PARTY_MEMBER, Choices::yesNo, problems);
        LocalDate partyJoined = date(row, RosterColumn.PARTY_JOINED, problems);
        String nationalId = row.get(RosterColumn.NATIONAL_ID);
        if (nationalId != null) {
            nationalId = nationalId.replaceAll("[\\s.]", "");
            if (!nationalId.matches(Cadre.NATIONAL_ID_PATTERN)) {
                problems.add(new ImportProblem("import.problem.nationalId", RosterColumn.NATIONAL_ID, row.get(RosterColumn.NATIONAL_ID)));
            }
        }
        ImportReferences.Unit unit = unit(row, refs, problems);
        List<ImportReferences.Title> titles = titles(row, refs, problems);
        LocalDate titlesFrom = date(row, RosterColumn.TITLES_FROM, problems);
        if (!titles.isEmpty() && titlesFrom == null && row.get(RosterColumn.TITLES_FROM) == null) {
            problems.add(new ImportProblem("import.problem.titlesFromRequired", RosterColumn.TITLES_FROM));
        }
        String term = row.get(RosterColumn.TERM);
        if (term != null && term.length() > Lengths.TERM) {
            problems.add(new ImportProblem("import.problem.tooLong", RosterColumn.TERM, 20));
        }
        Boolean newlyElected = choice(row, RosterColumn.NEWLY_ELECTED, Choices::yesNo, problems);

        ImportReferences.Existing existing = code == null ? null : refs.cadre(code);
        if (existing != null) {
            samePersonOrProblem(existing, code, fullName, birthDate, refs, problems);
        }
        // the Party: a date of joining implies membership unless the row says otherwise
        if (partyJoined != null) {
            if (Boolean.FALSE.equals(partyMember)) {
                problems.add(new ImportProblem("import.problem.joinedButNotMember", RosterColumn.PARTY_JOINED));
            }
            LocalDate born = birthDate != null ? birthDate : existing == null ? null : existing.birthDate();
            if (born != null && !partyJoined.isAfter(born)) {
                problems.add(new ImportProblem("import.problem.joinedBeforeBirth", RosterColumn.PARTY_JOINED));
            }
        }
        // a title no longer in use may be listed if held already (an exported file), never started anew
        if (unit != null) {
            for (ImportReferences.Title t : titles) {
                boolean held = existing != null && existing.held().contains(new ImportReferences.Held(t.id(), unit.id()));
                if (!t.active() && !held) {
                    problems.add(new ImportProblem("import.problem.inactiveTitle", RosterColumn.TITLES, t.nameVi()));
                }
            }
        }
        return new CadreValues(code, fullName, gender, birthDate, ethnicityCode, phone, education, politicalTheory,
                partyMember, partyJoined, nationalId, unit, titles, titlesFrom, term,
                Boolean.TRUE.equals(newlyElected));
    }

    private static void samePersonOrProblem(ImportReferences.Existing existing, String code, String fullName,
            LocalDate birthDate, ImportReferences refs, List<ImportProblem> problems) {
        if (!refs.covers(existing.unitPath())) {
            problems.add(new ImportProblem("import.problem.codeOutOfScope", RosterColumn.CODE, code));
            return;
        }
        boolean sameName = fullName == null || ImportReferences.folded(fullName).equals(existing.fullNameFolded());
        boolean sameBirth = birthDate == null || existing.birthDate() == null || birthDate.equals(existing.birthDate());
        if (!sameName || !sameBirth) {
            problems.add(new ImportProblem("import.problem.codeTaken", RosterColumn.CODE, code, existing.fullName(),
                    existing.birthDate() == null ? "—" : VietnamTime.DATE.format(existing.birthDate())));
        }
    }

    private static ImportReferences.Unit unit(RawRow row, ImportReferences refs, List<ImportProblem> problems) {
        String code = required(row, RosterColumn.UNIT_CODE, problems);
        if (code == null) {
            return null;
        }
        ImportReferences.Unit unit = refs.unit(code);
        if (unit == null) {
            problems.add(new ImportProblem("import.problem.unknownUnit", RosterColumn.UNIT_CODE, code));
        } else if (!refs.covers(unit.path())) {
            problems.add(new ImportProblem("import.problem.unitOutOfScope", RosterColumn.UNIT_CODE, code, unit.name()));
        } else if (!unit.current()) {
            problems.add(new ImportProblem("import.problem.unitNotCurrent", RosterColumn.UNIT_CODE, code, unit.name()));
        } else if (!unit.roster()) {
            problems.add(new ImportProblem("import.problem.unitLevel", RosterColumn.UNIT_CODE, code, unit.name()));
        } else {
            return unit;
        }
        return null;
    }

    /** "Bí thư chi bộ; Trưởng thôn" or "PARTY_CELL_SECRETARY;HAMLET_HEAD": several titles at once (kiêm nhiệm). */
    private static List<ImportReferences.Title> titles(RawRow row, ImportReferences refs, List<ImportProblem> problems) {
        String text = row.get(RosterColumn.TITLES);
        if (text == null) {
            return List.of();
        }
        Set<ImportReferences.Title> titles = new LinkedHashSet<>();
        for (String part : text.split("[;\\n]")) {
            String typed = part.strip();
            if (typed.isEmpty()) {
                continue;
            }
            ImportReferences.Title title = refs.title(typed);
            if (title == null) {
                problems.add(new ImportProblem("import.problem.unknownTitle", RosterColumn.TITLES, typed));
            } else {
                titles.add(title);
            }
        }
        return List.copyOf(titles);
    }

    private static String required(RawRow row, RosterColumn column, List<ImportProblem> problems) {
        String value = row.get(column);
        if (value == null) {
            problems.add(new ImportProblem("import.problem.required", column));
        }
        return value;
    }

    private static LocalDate date(RawRow row, RosterColumn column, List<ImportProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            problems.add(new ImportProblem("import.problem.badDate", column, text));
        }
        return date;
    }

    private static <T> T choice(RawRow row, RosterColumn column, Function<String, T> parse,
            List<ImportProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        T value = parse.apply(text);
        if (value == null) {
            problems.add(new ImportProblem("import.problem.notInList", column, text));
        }
        return value;
    }
}
