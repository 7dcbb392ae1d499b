package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo's commendations, over the demo years: each commune's Party committee praises a few of its cadres on
 * the Mass Mobilization day (15 October) and at its year-end review (biểu dương, giấy khen, now and then a letter
 * of praise), and the province's Ban Dân vận gives a bằng khen to a cadre of some communes each year, at its own
 * review in January. The communes' own start with the reform of 1 July 2025 (the demo keeps no cadres under the
 * communes merged then); decisions dated after today are left out. Deterministic: its own random generator.
 */
final class DemoCommendations {

    private static final String[] REASONS = {
        "Có thành tích xuất sắc trong công tác dân vận ở cơ sở",
        "Hoàn thành xuất sắc nhiệm vụ năm",
        "Tham gia đầy đủ, có kết quả tốt các lớp bồi dưỡng cán bộ cơ sở",
        "Vận động nhân dân hiến đất làm đường giao thông nông thôn",
        "Có thành tích trong phong trào thi đua “Dân vận khéo”",
        "Tích cực hòa giải mâu thuẫn, giữ gìn an ninh trật tự ở thôn",
        "Vận động nhân dân xây dựng nông thôn mới, đô thị văn minh",
        "Phản ánh kịp thời, giải quyết thấu đáo kiến nghị của nhân dân"};

    private final Connection connection;
    private final Random random;
    private final LocalDate today = VietnamTime.today();
    private int count;

    DemoCommendations(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 37 + 11);
    }

    /** Generates the commendations; returns how many. */
    int generate(List<DemoProvince.Commune> communes, long provinceId, String provinceName, int years)
            throws SQLException {
        String province = provinceName.startsWith("Tỉnh ") ? provinceName.substring(5) : provinceName;
        String provinceBody = "Ban Dân vận Tỉnh ủy " + province;
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO commendation (version, cadre_id,"
                + " decision_number, decision_date, issuing_unit_id, issuer_name, form, reason, recorded_at,"
                + " recorded_by) VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')")) {
            int provinceNumber = 0;
            for (int year = today.getYear() - years + 1; year <= today.getYear(); year++) {
                for (DemoProvince.Commune c : communes) {
                    if (c.cadres().isEmpty()) {
                        continue;
                    }
                    String commune = "Đảng ủy " + c.name();
                    LocalDate danVan = LocalDate.of(year, 10, 15);
                    LocalDate review = LocalDate.of(year, 12, 15 + random.nextInt(12));
                    if (!danVan.isBefore(DemoProvince.REFORM)) {
                        // the commune's praise on the Mass Mobilization day (15 October), then its year-end review
                        commend(s, c, 1 + random.nextInt(3), (100 + random.nextInt(200)) + "-QĐ/ĐU", danVan,
                                c.id(), commune, "BIEU_DUONG", "BIEU_DUONG", "THU_KHEN");
                        commend(s, c, 1 + random.nextInt(3), (300 + random.nextInt(200)) + "-QĐ/ĐU", review,
                                c.id(), commune, "GIAY_KHEN", "GIAY_KHEN", "BIEU_DUONG");
                    }
                    // the province's review in January of the next year: a certificate of merit now and then
                    if (random.nextInt(100) < 20) {
                        commend(s, c, 1, (++provinceNumber) + "-QĐ/BDVTU",
                                LocalDate.of(year + 1, 1, 10 + random.nextInt(15)), provinceId, provinceBody,
                                "BANG_KHEN");
                    }
                }
            }
            s.executeBatch();
        }
        return count;
    }

    /** One decision commending {@code cadres} cadres of the commune, each in one of the forms given. */
    private void commend(PreparedStatement s, DemoProvince.Commune c, int cadres, String number, LocalDate day,
            long unitId, String body, String... forms) throws SQLException {
        for (int i = 0; i < cadres; i++) {
            long cadre = c.cadres().get(random.nextInt(c.cadres().size()))[0];
            add(s, cadre, number, day, unitId, body, forms[random.nextInt(forms.length)]);
        }
    }

    private void add(PreparedStatement s, long cadreId, String number, LocalDate day, long unitId, String body,
            String form) throws SQLException {
        String reason = REASONS[random.nextInt(REASONS.length)];
        if (day.isAfter(today)) {
            return;
        }
        s.setLong(1, cadreId);
        s.setString(2, number);
        s.setDate(3, Date.valueOf(day));
        s.setLong(4, unitId);
        s.setString(5, body);
        s.setString(6, form);
        s.setString(7, reason + " năm " + (day.getMonthValue() == 1 ? day.getYear() - 1 : day.getYear()));
        s.setTimestamp(8, Timestamp.from(day.plusDays(3).atStartOfDay(VietnamTime.ZONE).toInstant()));
        s.addBatch();
        if (++count % 500 == 0) {
            s.executeBatch();
        }
    }
}
