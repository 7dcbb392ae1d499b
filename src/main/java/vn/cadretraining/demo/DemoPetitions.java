package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.cadretraining.petition.entity.PetitionDeadlines;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo's petitions, since the reform of 1 July 2025 (the demo keeps no cadres under the communes merged then):
 * each quarter a few from every commune's hamlets, most raised at the commune's briefings, the rest written. Each
 * goes as far as its age allows: assigned after a day or three, handled, answered mostly within its deadline (some
 * late, so some open ones are overdue), confirmed at a later briefing (about 98% satisfactory, the rest reopened);
 * about one in twenty-five is beyond the commune and transferred up to the province. The demo cadre raised the
 * first of their commune's recent quarters. Deterministic: its own random generator.
 */
final class DemoPetitions {

    private static final PetitionField[] FIELDS = PetitionField.values();
    /** Weights of {@link #FIELDS}, in their order: infrastructure and land come first at the briefings. */
    private static final int[] WEIGHTS = {25, 12, 30, 15, 8, 10};

    private static final Map<PetitionField, String[]> CONTENTS = Map.of(
            PetitionField.LAND, new String[] {
                "Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã sử dụng ổn định",
                "Phản ánh tranh chấp ranh giới đất giữa hai hộ gia đình trong thôn",
                "Đề nghị công khai phương án bồi thường, hỗ trợ khi thu hồi đất làm đường"},
            PetitionField.ENVIRONMENT, new String[] {
                "Phản ánh tình trạng rác thải không được thu gom đúng lịch",
                "Đề nghị kiểm tra cơ sở chăn nuôi gây ô nhiễm nguồn nước",
                "Phản ánh bụi, tiếng ồn từ xe chở vật liệu qua khu dân cư"},
            PetitionField.INFRASTRUCTURE, new String[] {
                "Đề nghị sửa chữa đoạn đường liên thôn xuống cấp",
                "Đề nghị lắp đặt đèn chiếu sáng đường thôn",
                "Đề nghị nạo vét kênh mương nội đồng trước mùa mưa",
                "Phản ánh nước sinh hoạt thường xuyên mất, áp lực yếu"},
            PetitionField.SOCIAL_POLICY, new String[] {
                "Đề nghị xem xét hỗ trợ hộ cận nghèo có người ốm đau dài ngày",
                "Đề nghị giải quyết chế độ cho người có công còn tồn đọng",
                "Đề nghị hỗ trợ sửa chữa nhà cho hộ gia đình chính sách"},
            PetitionField.SECURITY_ORDER, new String[] {
                "Phản ánh tình trạng thanh niên tụ tập, đua xe vào ban đêm",
                "Đề nghị tăng cường tuần tra tại khu vực bến đò",
                "Phản ánh hiện tượng nghi vấn buôn bán chất cấm trong thôn"},
            PetitionField.OTHER, new String[] {
                "Đề nghị bổ sung kinh phí hoạt động cho nhà văn hóa thôn",
                "Đề nghị hướng dẫn thủ tục hành chính trực tuyến cho người cao tuổi"});

    private static final Map<PetitionField, String> ANSWERS = Map.of(
            PetitionField.LAND, "Đã kiểm tra hồ sơ địa chính và thực địa; hướng dẫn các hộ hoàn thiện hồ sơ theo quy định",
            PetitionField.ENVIRONMENT, "Đã kiểm tra, yêu cầu đơn vị liên quan khắc phục; giao thôn giám sát thực hiện",
            PetitionField.INFRASTRUCTURE, "Đã đưa vào kế hoạch đầu tư công năm tới; trước mắt tổ chức sửa chữa tạm",
            PetitionField.SOCIAL_POLICY, "Đã rà soát, đề nghị hỗ trợ theo chính sách hiện hành; thông báo tới gia đình",
            PetitionField.SECURITY_ORDER, "Công an đã tăng cường tuần tra, xử lý theo quy định; đề nghị thôn tiếp tục phối hợp",
            PetitionField.OTHER, "Đã tiếp thu, giao bộ phận chuyên môn hướng dẫn, bố trí kinh phí phù hợp");

    private final Connection connection;
    private final Random random;
    private final LocalDate today = VietnamTime.today();
    private final PetitionDeadlines deadlines = PetitionDeadlines.fromEnvironment();
    private int count;
    private int provinceNumber;

    DemoPetitions(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 41 + 17);
    }

    /** Generates the petitions; returns how many. */
    int generate(List<DemoProvince.Commune> communes) throws SQLException {
        Map<Long, List<Object[]>> briefings = briefings();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO petition (version, raiser_id, hamlet_id,"
                + " commune_id, commune_path, briefing_id, field, content, received_on, due_on, responsible_body, state,"
                + " at_province, assigned_on, handling_on, answered_on, answer, answer_number, confirmed_on,"
                + " reopened_on, reopen_reason, transferred_on, transfer_reason, recorded_at, recorded_by)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')")) {
            for (DemoProvince.Commune c : communes) {
                if (c.cadres().isEmpty()) {
                    continue;
                }
                List<Object[]> held = briefings.getOrDefault(c.id(), List.of());
                int answerNumber = 0;
                for (LocalDate quarter = DemoProvince.REFORM; !quarter.isAfter(today); quarter = quarter.plusMonths(3)) {
                    LocalDate end = quarter.plusMonths(3).minusDays(1);
                    Object[] briefing = null;
                    for (Object[] b : held) {
                        LocalDate day = (LocalDate) b[1];
                        if (!day.isBefore(quarter) && !day.isAfter(end)) {
                            briefing = b;
                        }
                    }
                    boolean recent = !end.isBefore(today.minusMonths(6));
                    int n = 2 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        long[] cadre = i == 0 && recent ? c.cadres().get(0)
                                : c.cadres().get(random.nextInt(c.cadres().size()));
                        LocalDate received;
                        Long briefingId = null;
                        if (briefing != null && random.nextInt(100) < 75) {
                            received = (LocalDate) briefing[1];
                            briefingId = (Long) briefing[0];
                        } else {
                            received = quarter.plusDays(random.nextInt((int) (end.toEpochDay() - quarter.toEpochDay()) + 1));
                        }
                        if (received.isAfter(today)) {
                            continue;
                        }
                        add(s, c, cadre, briefingId, received, ++answerNumber);
                    }
                }
            }
            s.executeBatch();
        }
        return count;
    }

    /** The briefings held since the reform, by organising unit: {id, start date}. */
    private Map<Long, List<Object[]>> briefings() throws SQLException {
        Map<Long, List<Object[]>> byUnit = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT cc.id, cc.unit_id,"
                + " cc.start_date FROM course_class cc JOIN course c ON c.id = cc.course_id"
                + " WHERE c.kind IN ('PERIODIC_BRIEFING', 'THEMATIC_BRIEFING') ORDER BY cc.start_date, cc.id")) {
            while (rs.next()) {
                LocalDate day = rs.getDate(3).toLocalDate();
                if (!day.isBefore(DemoProvince.REFORM) && !day.isAfter(today)) {
                    byUnit.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Object[] {rs.getLong(1), day});
                }
            }
        }
        return byUnit;
    }

    private void add(PreparedStatement s, DemoProvince.Commune c, long[] cadre, Long briefingId, LocalDate received,
            int number) throws SQLException {
        PetitionField field = field();
        String[] contents = CONTENTS.get(field);
        int days = deadlines.daysFor(field);
        LocalDate due = received.plusDays(days);
        String body = null;
        String state = "RECEIVED";
        boolean atProvince = false;
        LocalDate assigned = null;
        LocalDate handling = null;
        LocalDate answered = null;
        String answer = null;
        String answerNo = null;
        LocalDate confirmed = null;
        LocalDate reopened = null;
        String reopenReason = null;
        LocalDate transferred = null;
        String transferReason = null;

        LocalDate start = received;
        if (random.nextInt(100) < 4) {
            // beyond the commune: sent up within the first days, and the province begins anew with its own deadline
            transferred = received.plusDays(2 + random.nextInt(8));
            if (!transferred.isAfter(today)) {
                state = "TRANSFERRED_UP";
                atProvince = true;
                transferReason = "Vượt thẩm quyền giải quyết của cấp xã";
                due = transferred.plusDays(days);
                start = transferred;
            } else {
                transferred = null;
            }
        }
        LocalDate a = start.plusDays(1 + random.nextInt(3 + (atProvince ? 10 : 0)));
        if (!a.isAfter(today)) {
            assigned = a;
            body = body(field, c, atProvince);
            state = "ASSIGNED";
            LocalDate h = a.plusDays(1 + random.nextInt(4));
            if (!h.isAfter(today)) {
                handling = h;
                state = "IN_PROGRESS";
                // most within the deadline, about one in eight late
                int took = random.nextInt(100) < 88 ? 3 + random.nextInt(Math.max(1, days - 3))
                        : days + 1 + random.nextInt(20);
                LocalDate an = start.plusDays(took);
                if (an.isBefore(h)) {
                    an = h;
                }
                if (!an.isAfter(today)) {
                    answered = an;
                    answer = ANSWERS.get(field);
                    answerNo = atProvince ? (++provinceNumber) + "/UBND-TD" : number + "/UBND";
                    state = "ANSWERED";
                    LocalDate heard = an.plusDays(5 + random.nextInt(30));
                    if (!heard.isAfter(today)) {
                        if (random.nextInt(100) < 98) {
                            confirmed = heard;
                            state = "CONFIRMED";
                        } else {
                            reopened = heard;
                            reopenReason = "Thôn chưa đồng ý: đề nghị kiểm tra lại thực tế";
                            state = "REOPENED";
                        }
                    }
                }
            }
        }

        s.setLong(1, cadre[0]);
        s.setLong(2, cadre[1]);
        s.setLong(3, c.id());
        s.setString(4, c.path());
        if (briefingId == null) {
            s.setNull(5, Types.BIGINT);
        } else {
            s.setLong(5, briefingId);
        }
        s.setString(6, field.name());
        s.setString(7, contents[random.nextInt(contents.length)]);
        s.setDate(8, Date.valueOf(received));
        s.setDate(9, Date.valueOf(due));
        s.setString(10, body);
        s.setString(11, state);
        s.setBoolean(12, atProvince);
        date(s, 13, assigned);
        date(s, 14, handling);
        date(s, 15, answered);
        s.setString(16, answer);
        s.setString(17, answerNo);
        date(s, 18, confirmed);
        date(s, 19, reopened);
        s.setString(20, reopenReason);
        date(s, 21, transferred);
        s.setString(22, transferReason);
        s.setTimestamp(23, Timestamp.from(received.atTime(16, 0).atZone(VietnamTime.ZONE).toInstant()));
        s.addBatch();
        if (++count % 500 == 0) {
            s.executeBatch();
        }
    }

    private PetitionField field() {
        int r = random.nextInt(100);
        for (int i = 0; i < FIELDS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return FIELDS[i];
            }
        }
        return PetitionField.OTHER;
    }

    private static String body(PetitionField field, DemoProvince.Commune c, boolean atProvince) {
        if (atProvince) {
            return switch (field) {
                case LAND, ENVIRONMENT -> "Sở Nông nghiệp và Môi trường";
                case INFRASTRUCTURE -> "Sở Xây dựng";
                case SOCIAL_POLICY -> "Sở Nội vụ";
                case SECURITY_ORDER -> "Công an tỉnh";
                case OTHER -> "Văn phòng UBND tỉnh";
            };
        }
        return switch (field) {
            case LAND, OTHER -> "UBND " + c.name();
            case ENVIRONMENT, INFRASTRUCTURE -> "Phòng Kinh tế " + c.name();
            case SOCIAL_POLICY -> "Phòng Văn hóa - Xã hội " + c.name();
            case SECURITY_ORDER -> "Công an " + c.name();
        };
    }

    private static void date(PreparedStatement s, int i, LocalDate day) throws SQLException {
        if (day == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setDate(i, Date.valueOf(day));
        }
    }
}
