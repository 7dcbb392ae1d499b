package vn.cadretraining.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.IssuingBody;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.shared.files.Issuer;

/** Who issues a unit's documents when nobody configured it, and a configured body over the defaults. */
class IssuingBodyDefaultsTest {

    private final LocalDate since = LocalDate.of(2025, 7, 1);
    private final AdminUnit province = new AdminUnit("22", "Tỉnh Quảng Ninh", UnitKind.PROVINCE, null, since);
    private final AdminUnit ward = new AdminUnit("22-1", "Phường Hạ Long", UnitKind.WARD, province, since);
    private final AdminUnit quarter = new AdminUnit("22-1-1", "Khu phố 1", UnitKind.QUARTER, ward, since);

    @Test
    void theProvincesReportsComeFromTheBanDanVanOfItsTinhUy() {
        assertEquals(new Issuer(Issuer.Kind.PARTY, "Tỉnh ủy Quảng Ninh", "Ban Dân vận", "BDVTU", "Trưởng ban",
                "Quảng Ninh"), province.issuer());
    }

    @Test
    void aCommunesComeFromItsDangUyAndAHamletsFromItsCommune() {
        Issuer commune = new Issuer(Issuer.Kind.PARTY, "Đảng bộ tỉnh Quảng Ninh", "Đảng ủy Phường Hạ Long", "ĐU",
                "T/M Đảng ủy / Bí thư", "Phường Hạ Long");
        assertEquals(commune, ward.issuer());
        assertEquals(commune, quarter.issuer());
    }

    @Test
    void aConfiguredBodyReplacesTheDefaultAndClearingItBringsTheDefaultBack() {
        ward.configureIssuingBody(new IssuingBody("Ủy ban nhân dân phường Hạ Long", "Ủy ban nhân dân tỉnh Quảng Ninh",
                Issuer.Kind.STATE, "UBND", "T/M Ủy ban nhân dân / Chủ tịch"));
        assertEquals(new Issuer(Issuer.Kind.STATE, "Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân phường Hạ Long",
                "UBND", "T/M Ủy ban nhân dân / Chủ tịch", "Phường Hạ Long"), ward.issuer());
        assertEquals(Issuer.Kind.STATE, quarter.issuer().kind(), "the quarter follows its ward");
        ward.configureIssuingBody(null);
        assertEquals("Đảng ủy Phường Hạ Long", ward.issuer().name());
    }
}
