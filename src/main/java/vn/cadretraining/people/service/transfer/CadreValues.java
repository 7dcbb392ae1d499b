package vn.cadretraining.people.service.transfer;

import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;

/**
 * A valid row, parsed. A null optional value means the cell was blank: an import leaves that detail of an
 * existing cadre as it is (a file with only the required columns must not wipe phones and dates).
 */
public record CadreValues(String code, String fullName, Gender gender, LocalDate birthDate, String ethnicityCode,
        String phone, EducationLevel education, PoliticalTheoryLevel politicalTheory, Boolean partyMember,
        LocalDate partyJoined, String nationalId, ImportReferences.Unit unit, List<ImportReferences.Title> titles,
        LocalDate titlesFrom, String term, boolean newlyElected) {
}
