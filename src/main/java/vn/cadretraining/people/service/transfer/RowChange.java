package vn.cadretraining.people.service.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;

/**
 * What applying one valid row changes: the cadre's values after the row (blank cells keep what was there),
 * whether any of them differ from the database, and the positions to start. Every value is compared before
 * anything is set, so that importing the same file twice writes nothing at all the second time, not even a
 * new version number.
 */
public record RowChange(RowAction action, ImportReferences.Existing existing, String code, String fullName,
        Gender gender, LocalDate birthDate, String ethnicityCode, String phone, EducationLevel education,
        PoliticalTheoryLevel politicalTheory, boolean partyMember, LocalDate partyJoined, String nationalId,
        ImportReferences.Unit unit, List<ImportReferences.Title> newTitles, LocalDate titlesFrom, String term,
        boolean newlyElected, boolean searchWordsChanged) {

    public static RowChange of(CadreValues v, ImportReferences.Existing e) {
        List<ImportReferences.Title> newTitles = new ArrayList<>();
        for (ImportReferences.Title t : v.titles()) {
            // a title held now at this unit stays as it is; any other listed title starts on "Từ ngày"
            if (e == null || !e.held().contains(new ImportReferences.Held(t.id(), v.unit().id()))) {
                newTitles.add(t);
            }
        }
        String term = v.term() == null || v.term().isBlank() ? null : v.term().strip();
        if (e == null) {
            boolean member = v.partyMember() != null ? v.partyMember() : v.partyJoined() != null;
            return new RowChange(RowAction.INSERT, null, v.code(), v.fullName(), v.gender(), v.birthDate(),
                    v.ethnicityCode(), v.phone(), v.education(), v.politicalTheory(), member,
                    member ? v.partyJoined() : null, v.nationalId(), v.unit(), newTitles, v.titlesFrom(), term,
                    v.newlyElected(), true);
        }
        boolean member = v.partyMember() != null ? v.partyMember() : v.partyJoined() != null || e.partyMember();
        LocalDate joined = !member ? null : v.partyJoined() != null ? v.partyJoined() : e.partyJoined();
        String phone = keep(v.phone(), e.phone());
        RowChange merged = new RowChange(RowAction.UPDATE, e, v.code(), v.fullName(), v.gender(),
                keep(v.birthDate(), e.birthDate()), keep(v.ethnicityCode(), e.ethnicityCode()), phone,
                keep(v.education(), e.education()), keep(v.politicalTheory(), e.politicalTheory()), member, joined,
                keep(v.nationalId(), e.nationalId()), v.unit(), newTitles, v.titlesFrom(), term, v.newlyElected(),
                !v.fullName().equals(e.fullName()) || !Objects.equals(phone, e.phone()));
        if (!merged.cadreChanged() && newTitles.isEmpty()) {
            return merged.withAction(RowAction.UNCHANGED);
        }
        return merged;
    }

    /** True when the cadre's own row must be written (a new cadre, or a value that differs). */
    public boolean cadreChanged() {
        if (existing == null) {
            return true;
        }
        return !fullName.equals(existing.fullName())
                || gender != existing.gender()
                || !Objects.equals(birthDate, existing.birthDate())
                || !Objects.equals(ethnicityCode, existing.ethnicityCode())
                || !Objects.equals(phone, existing.phone())
                || education != existing.education()
                || politicalTheory != existing.politicalTheory()
                || partyMember != existing.partyMember()
                || !Objects.equals(partyJoined, existing.partyJoined())
                || !Objects.equals(nationalId, existing.nationalId())
                || unit.id() != existing.unitId()
                || !unit.path().equals(existing.unitPath());
    }

    private RowChange withAction(RowAction newAction) {
        return new RowChange(newAction, existing, code, fullName, gender, birthDate, ethnicityCode, phone, education,
                politicalTheory, partyMember, partyJoined, nationalId, unit, newTitles, titlesFrom, term, newlyElected,
                searchWordsChanged);
    }

    private static <T> T keep(T value, T before) {
        return value != null ? value : before;
    }
}
