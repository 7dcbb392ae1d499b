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
 * about one in twenty-five is beyond the commune and transferred up to the province, which sends a quarter of those
 * back down as the commune's after all. The demo cadre raised the first of their commune's recent quarters, and
 * the demo commune has one petition in each state (one overdue) whatever the size factor. Deterministic: its own
 * random generators.
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
    /** Which of those sent up the province sends back down: apart, so that the rest stays as it was. */
    private final Random downs;
    private final LocalDate today = VietnamTime.today();
    private final PetitionDeadlines deadlines = PetitionDeadlines.fromEnvironment();
    private int count;
    private int provinceNumber;

    DemoPetitions(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 41 + 17);
        this.downs = new Random(seed * 43 + 5);
    }

    /** Generates the petitions; returns how many. */
    int generate(List<DemoProvince.Commune> communes) throws SQLException {
        Map<Long, List<Object[]>> briefings = briefings();
        Map<Long, List<long[]>> invited = invited();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO petition (version, raiser_id, hamlet_id,"
                + " commune_id, commune_path, briefing_id, field, content, received_on, due_on, responsible_body, state,"
                + " at_province, assigned_on, handling_on, answered_on, answer, answer_number, confirmed_on,"
                + " reopened_on, reopen_reason, transferred_on, transfer_reason, transferred_down_on, transfer_down_reason,"
                + " recorded_at, recorded_by)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')")) {
            if (!communes.isEmpty() && !communes.get(0).cadres().isEmpty()) {
                showcase(s, communes.get(0));
            }
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
                            // raised at a briefing by someone invited to it; the demo cadre, if not, writes instead
                            List<long[]> there = invited.getOrDefault(briefingId, List.of());
                            long raiser = cadre[0];
                            if (there.stream().noneMatch(x -> x[0] == raiser)) {
                                if (there.isEmpty() || i == 0 && recent) {
                                    briefingId = null;
                                } else {
                                    cadre = there.get(random.nextInt(there.size()));
                                }
                            }
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

    /** The invited of each briefing: {cadre id, hamlet id}, by briefing. */
    private Map<Long, List<long[]>> invited() throws SQLException {
        Map<Long, List<long[]>> byBriefing = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT e.class_id, d.id,"
                + " d.unit_id FROM enrollment e JOIN cadre d ON d.id = e.cadre_id JOIN course_class cc ON cc.id = e.class_id"
                + " JOIN course c ON c.id = cc.course_id WHERE c.kind IN ('PERIODIC_BRIEFING', 'THEMATIC_BRIEFING')"
                + " AND e.status = 'ENROLLED' ORDER BY e.class_id, d.id")) {
            while (rs.next()) {
                byBriefing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new long[] {rs.getLong(2), rs.getLong(3), 0L});
            }
        }
        return byBriefing;
    }

    /** One petition's columns, as far as it went. */
    private static final class Row {
        long[] cadre;
        Long briefingId;
        PetitionField field;
        String content;
        LocalDate received;
        LocalDate due;
        String body;
        String state = "RECEIVED";
        boolean atProvince;
        LocalDate assigned;
        LocalDate handling;
        LocalDate answered;
        String answer;
        String answerNo;
        LocalDate confirmed;
        LocalDate reopened;
        String reopenReason;
        LocalDate transferred;
        String transferReason;
        LocalDate transferredDown;
        String transferDownReason;
    }

    private Row row(DemoProvince.Commune c, long[] cadre, Long briefingId, PetitionField field, LocalDate received) {
        Row r = new Row();
        r.cadre = cadre;
        r.briefingId = briefingId;
        r.field = field;
        String[] contents = CONTENTS.get(field);
        r.content = contents[random.nextInt(contents.length)];
        r.received = received;
        r.due = received.plusDays(deadlines.daysFor(field));
        return r;
    }

    private void add(PreparedStatement s, DemoProvince.Commune c, long[] cadre, Long briefingId, LocalDate received,
            int number) throws SQLException {
        PetitionField field = field();
        Row r = row(c, cadre, briefingId, field, received);
        int days = deadlines.daysFor(field);
        LocalDate start = received;
        if (random.nextInt(100) < 4) {
            // beyond the commune: sent up within the first days, and the province begins anew with its own deadline
            LocalDate t = received.plusDays(2 + random.nextInt(8));
            if (!t.isAfter(today)) {
                transfer(r, t);
                start = t;
                // one in four is the commune's after all: sent back down, and the commune begins anew
                LocalDate d = t.plusDays(2 + downs.nextInt(5));
                if (downs.nextInt(4) == 0 && !d.isAfter(today)) {
                    transferDown(r, d);
                    start = d;
                }
            }
        }
        LocalDate a = start.plusDays(1 + random.nextInt(3 + (r.atProvince ? 10 : 0)));
        if (!a.isAfter(today)) {
            assign(r, c, a);
            LocalDate h = a.plusDays(1 + random.nextInt(4));
            if (!h.isAfter(today)) {
                r.handling = h;
                r.state = "IN_PROGRESS";
                // most within the deadline, about one in eight late
                int took = random.nextInt(100) < 88 ? 3 + random.nextInt(Math.max(1, days - 3))
                        : days + 1 + random.nextInt(20);
                LocalDate an = start.plusDays(took);
                if (an.isBefore(h)) {
                    an = h;
                }
                if (!an.isAfter(today)) {
                    answer(r, an, number);
                    LocalDate heard = an.plusDays(5 + random.nextInt(30));
                    if (!heard.isAfter(today)) {
                        if (random.nextInt(100) < 98) {
                            confirm(r, heard);
                        } else {
                            reopen(r, heard);
                        }
                    }
                }
            }
        }
        insert(s, c, r);
    }

    /**
     * The demo commune's recent petitions, one in each state (and one overdue), whatever the size factor: what the
     * demo coordinator and the demo cadre (who raised some of them) meet first.
     */
    private void showcase(PreparedStatement s, DemoProvince.Commune c) throws SQLException {
        List<long[]> people = c.cadres();
        long[] demo = people.get(0);
        long[] other = people.get(Math.min(1, people.size() - 1));
        insert(s, c, row(c, other, null, PetitionField.SECURITY_ORDER, today.minusDays(1)));
        Row assigned = row(c, demo, null, PetitionField.ENVIRONMENT, today.minusDays(4));
        assign(assigned, c, today.minusDays(3));
        insert(s, c, assigned);
        Row handling = row(c, other, null, PetitionField.SOCIAL_POLICY, today.minusDays(8));
        assign(handling, c, today.minusDays(7));
        handling.handling = today.minusDays(5);
        handling.state = "IN_PROGRESS";
        insert(s, c, handling);
        Row late = row(c, other, null, PetitionField.INFRASTRUCTURE, today.minusDays(40));
        assign(late, c, today.minusDays(38));
        late.handling = today.minusDays(35);
        late.state = "IN_PROGRESS";
        insert(s, c, late);
        Row answered = row(c, demo, null, PetitionField.INFRASTRUCTURE, today.minusDays(20));
        assign(answered, c, today.minusDays(19));
        answered.handling = today.minusDays(17);
        answer(answered, today.minusDays(3), 900);
        insert(s, c, answered);
        Row confirmed = row(c, demo, null, PetitionField.LAND, today.minusDays(50));
        assign(confirmed, c, today.minusDays(48));
        confirmed.handling = today.minusDays(45);
        answer(confirmed, today.minusDays(30), 901);
        confirm(confirmed, today.minusDays(10));
        insert(s, c, confirmed);
        Row reopened = row(c, other, null, PetitionField.LAND, today.minusDays(60));
        assign(reopened, c, today.minusDays(58));
        reopened.handling = today.minusDays(55);
        answer(reopened, today.minusDays(35), 902);
        reopen(reopened, today.minusDays(7));
        insert(s, c, reopened);
        Row up = row(c, other, null, PetitionField.ENVIRONMENT, today.minusDays(9));
        transfer(up, today.minusDays(4));
        insert(s, c, up);
        Row down = row(c, other, null, PetitionField.OTHER, today.minusDays(12));
        transfer(down, today.minusDays(9));
        transferDown(down, today.minusDays(2));
        insert(s, c, down);
    }

    private void transferDown(Row r, LocalDate on) {
        r.transferredDown = on;
        r.state = "TRANSFERRED_DOWN";
        r.atProvince = false;
        r.transferDownReason = "Thuộc thẩm quyền giải quyết của cấp xã";
        r.due = on.plusDays(deadlines.daysFor(r.field));
    }

    private void transfer(Row r, LocalDate on) {
        r.transferred = on;
        r.state = "TRANSFERRED_UP";
        r.atProvince = true;
        r.transferReason = "Vượt thẩm quyền giải quyết của cấp xã";
        r.due = on.plusDays(deadlines.daysFor(r.field));
    }

    private static void assign(Row r, DemoProvince.Commune c, LocalDate on) {
        r.assigned = on;
        r.body = body(r.field, c, r.atProvince);
        r.state = "ASSIGNED";
    }

    private void answer(Row r, LocalDate on, int number) {
        r.answered = on;
        r.answer = ANSWERS.get(r.field);
        r.answerNo = r.atProvince ? (++provinceNumber) + "/UBND-TD" : number + "/UBND";
        r.state = "ANSWERED";
    }

    private static void confirm(Row r, LocalDate on) {
        r.confirmed = on;
        r.state = "CONFIRMED";
    }

    private static void reopen(Row r, LocalDate on) {
        r.reopened = on;
        r.reopenReason = "Thôn chưa đồng ý: đề nghị kiểm tra lại thực tế";
        r.state = "REOPENED";
    }

    private void insert(PreparedStatement s, DemoProvince.Commune c, Row r) throws SQLException {
        s.setLong(1, r.cadre[0]);
        s.setLong(2, r.cadre[1]);
        s.setLong(3, c.id());
        s.setString(4, c.path());
        if (r.briefingId == null) {
            s.setNull(5, Types.BIGINT);
        } else {
            s.setLong(5, r.briefingId);
        }
        s.setString(6, r.field.name());
        s.setString(7, r.content);
        s.setDate(8, Date.valueOf(r.received));
        s.setDate(9, Date.valueOf(r.due));
        s.setString(10, r.body);
        s.setString(11, r.state);
        s.setBoolean(12, r.atProvince);
        date(s, 13, r.assigned);
        date(s, 14, r.handling);
        date(s, 15, r.answered);
        s.setString(16, r.answer);
        s.setString(17, r.answerNo);
        date(s, 18, r.confirmed);
        date(s, 19, r.reopened);
        s.setString(20, r.reopenReason);
        date(s, 21, r.transferred);
        s.setString(22, r.transferReason);
        date(s, 23, r.transferredDown);
        s.setString(24, r.transferDownReason);
        s.setTimestamp(25, Timestamp.from(r.received.atTime(16, 0).atZone(VietnamTime.ZONE).toInstant()));
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
