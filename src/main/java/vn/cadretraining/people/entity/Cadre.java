package vn.cadretraining.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/**
 * A grassroots cadre on a unit's roster. The code is the province's identifier for the person and the key
 * of every import; the folded name and the search words are kept from the name, code and phone so that
 * search ignores diacritics, case and Unicode form.
 */
@Entity
@Table(name = "cadre")
public class Cadre extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int CODE_LENGTH = Lengths.CODE;
    public static final int NAME_LENGTH = Lengths.NAME;
    public static final String CODE_PATTERN = "[A-Za-z0-9._-]{1,20}";
    public static final String PHONE_PATTERN = "0[0-9]{9,10}";
    public static final String NATIONAL_ID_PATTERN = "[0-9]{12}";

    @NotBlank(message = "{cadre.code.required}")
    @Pattern(regexp = CODE_PATTERN, message = "{cadre.code.pattern}")
    @Column(name = "code", nullable = false, length = CODE_LENGTH, updatable = false)
    private String code;

    @NotBlank(message = "{cadre.fullName.required}")
    @Size(max = NAME_LENGTH, message = "{cadre.fullName.size}")
    @Column(name = "full_name", nullable = false, length = NAME_LENGTH)
    private String fullName;

    @Column(name = "full_name_folded", nullable = false, length = NAME_LENGTH)
    private String fullNameFolded;

    @Column(name = "name_sort", nullable = false, length = NAME_LENGTH)
    private String nameSort;

    @NotNull(message = "{cadre.gender.required}")
    @Enumerated(EnumType.STRING)
    @Column(name = "gender", nullable = false, length = Lengths.SHORT_ENUM)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ethnicity_code")
    private Ethnicity ethnicity;

    @Pattern(regexp = PHONE_PATTERN, message = "{cadre.phone.pattern}")
    @Column(name = "phone", length = Lengths.PHONE)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "education", length = Lengths.ENUM)
    private EducationLevel education;

    @Enumerated(EnumType.STRING)
    @Column(name = "political_theory", length = Lengths.ENUM)
    private PoliticalTheoryLevel politicalTheory;

    @Column(name = "party_member", nullable = false)
    private boolean partyMember;

    @Column(name = "party_joined")
    private LocalDate partyJoined;

    @Pattern(regexp = NATIONAL_ID_PATTERN, message = "{cadre.nationalId.pattern}")
    @Column(name = "national_id", length = Lengths.NATIONAL_ID)
    private String nationalId;

    @NotNull(message = "{cadre.unit.required}")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @Column(name = "unit_path", nullable = false, length = Lengths.PATH)
    private String unitPath;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Cadre() {
    }

    public Cadre(String code, String fullName, Gender gender, AdminUnit unit) {
        this.code = normalizeCode(code);
        this.fullName = normalizeName(fullName);
        this.gender = gender;
        this.createdAt = Instant.now();
        moveTo(unit);
    }

    /** Codes are kept as typed but without surrounding blanks; they compare without case. */
    public static String normalizeCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Names are stored in NFC with single spaces, whatever form they were typed in. */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    @PrePersist
    @PreUpdate
    void beforeWrite() {
        fullNameFolded = TextFold.fold(fullName);
        nameSort = sortKey(fullName);
        updatedAt = Instant.now();
    }

    /**
     * How Vietnamese lists order people: by the given name (the last word), then the family name (the
     * first), then the middle names, ignoring diacritics: "Nguyễn Văn An" comes before "Lê Thị Bình".
     */
    public static String sortKey(String fullName) {
        String[] words = TextFold.fold(fullName).split(" ");
        if (words.length < 2) {
            return words.length == 1 ? words[0] : "";
        }
        StringBuilder key = new StringBuilder(words[words.length - 1]).append(' ').append(words[0]);
        for (int i = 1; i < words.length - 1; i++) {
            key.append(' ').append(words[i]);
        }
        return key.toString();
    }

    /** The words search finds this cadre by: each word of the folded name, the code and the phone. */
    public Set<String> searchTokens() {
        return searchTokens(fullName, code, phone);
    }

    public static Set<String> searchTokens(String fullName, String code, String phone) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : TextFold.fold(fullName).split(" ")) {
            if (!word.isEmpty()) {
                tokens.add(word.length() > Lengths.TOKEN ? word.substring(0, Lengths.TOKEN) : word);
            }
        }
        if (code != null) {
            tokens.add(TextFold.fold(code));
        }
        if (phone != null && !phone.isBlank()) {
            tokens.add(phone.strip());
        }
        return tokens;
    }

    /** Puts the cadre on another unit's roster. */
    public final void moveTo(AdminUnit newUnit) {
        if (newUnit == null) {
            throw new BusinessException("cadre.unit.required");
        }
        this.unit = newUnit;
        this.unitPath = newUnit.getPath();
    }

    /** Personal details, as the coordinator edits them. */
    public void describe(String newFullName, Gender newGender, LocalDate newBirthDate, Ethnicity newEthnicity,
            EducationLevel newEducation, PoliticalTheoryLevel newPoliticalTheory, boolean newPartyMember,
            LocalDate newPartyJoined, String newNationalId) {
        if (newBirthDate != null && newBirthDate.isAfter(LocalDate.now())) {
            throw new BusinessException("cadre.birthDate.future");
        }
        if (newPartyMember && newPartyJoined != null && newBirthDate != null && !newPartyJoined.isAfter(newBirthDate)) {
            throw new BusinessException("cadre.partyJoined.beforeBirth");
        }
        this.fullName = normalizeName(newFullName);
        this.gender = newGender;
        this.birthDate = newBirthDate;
        this.ethnicity = newEthnicity;
        this.education = newEducation;
        this.politicalTheory = newPoliticalTheory;
        this.partyMember = newPartyMember;
        this.partyJoined = newPartyMember ? newPartyJoined : null;
        this.nationalId = blankToNull(newNationalId);
    }

    /** The one thing a cadre may correct themselves. */
    public void changePhone(String newPhone) {
        this.phone = blankToNull(newPhone == null ? null : newPhone.replaceAll("[\\s.-]", ""));
    }

    /** The national ID with all but its last three digits hidden: "•••••••••123". */
    public String getMaskedNationalId() {
        if (nationalId == null || nationalId.length() < 4) {
            return nationalId == null ? null : "•".repeat(nationalId.length());
        }
        return "•".repeat(nationalId.length() - 3) + nationalId.substring(nationalId.length() - 3);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getCode() {
        return code;
    }

    public String getFullName() {
        return fullName;
    }

    public String getFullNameFolded() {
        return fullNameFolded;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Ethnicity getEthnicity() {
        return ethnicity;
    }

    public String getPhone() {
        return phone;
    }

    public EducationLevel getEducation() {
        return education;
    }

    public PoliticalTheoryLevel getPoliticalTheory() {
        return politicalTheory;
    }

    public boolean isPartyMember() {
        return partyMember;
    }

    public LocalDate getPartyJoined() {
        return partyJoined;
    }

    public String getNationalId() {
        return nationalId;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
