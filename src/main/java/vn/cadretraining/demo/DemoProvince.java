package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.PasswordHasher;
import vn.cadretraining.shared.text.TextFold;

/**
 * The demo province, generated: modelled on Quảng Ninh after the 2025 reform (54 commune-level units: 22
 * communes, 30 wards, 2 special zones; about 1,450 hamlets and quarters), with one account per role.
 *
 * <p>Deterministic: the same seed and size factor give the same rows, so a benchmark at 10× or 100× is
 * the same province, larger. At a factor below 1 it keeps the first units in proportion (the tests use
 * 0.05: three communes). Above 1 the commune list repeats with numbered names.
 *
 * <p>It writes with plain JDBC batches and ids it assigns itself, restarting the identity columns after
 * it, because the benchmark's largest size is a hundred times this and must take minutes, not hours. It
 * runs only on an empty database.
 */
public final class DemoProvince {

    private static final Logger LOG = Logger.getLogger(DemoProvince.class.getName());

    /** The password of every demo account; printed by setup/run and listed in the README. */
    public static final String DEMO_PASSWORD = "Demo@2026";
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate PROVINCE_FOUNDED = LocalDate.of(1963, 10, 30);

    /** One demo account per role (username, role, display name). */
    public record DemoAccount(String username, Role role, String displayName) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", Role.ADMIN, "Quản trị hệ thống"),
            new DemoAccount("tinh", Role.PROVINCE, "Phạm Thị Thu Hà"),
            new DemoAccount("xa.halong", Role.COORDINATOR, "Trần Văn Đức"),
            new DemoAccount("giangvien", Role.TRAINER, "Lê Minh Tuấn"),
            new DemoAccount("canbo", Role.CADRE, "Hoàng Văn Sình"));

    /** Commune-level units after 1 July 2025: wards first, then communes, then the two special zones. */
    static final String[] WARDS = {"Hạ Long", "Bãi Cháy", "Hà Tu", "Hà Lầm", "Cao Xanh", "Hồng Gai", "Việt Hưng",
        "Hoành Bồ", "Tuần Châu", "Cẩm Phả", "Quang Hanh", "Cửa Ông", "Mông Dương", "Uông Bí", "Vàng Danh",
        "Yên Tử", "Đông Triều", "Mạo Khê", "Bình Khê", "An Sinh", "Hoàng Quế", "Quảng Yên", "Đông Mai",
        "Hiệp Hòa", "Hà An", "Liên Hòa", "Phong Cốc", "Móng Cái 1", "Móng Cái 2", "Móng Cái 3"};
    static final String[] COMMUNES = {"Hải Sơn", "Hải Ninh", "Vĩnh Thực", "Quảng Hà", "Đường Hoa", "Quảng Đức",
        "Cái Chiên", "Đầm Hà", "Quảng Tân", "Tiên Yên", "Điền Xá", "Đông Ngũ", "Hải Lạng", "Ba Chẽ",
        "Kỳ Thượng", "Lương Minh", "Bình Liêu", "Hoành Mô", "Lục Hồn", "Thống Nhất", "Quảng La", "Bằng Cả"};
    static final String[] SPECIAL_ZONES = {"Vân Đồn", "Cô Tô"};
    /** Upland communes, where hamlets are "bản". */
    static final List<String> UPLAND = List.of("Bình Liêu", "Hoành Mô", "Lục Hồn", "Ba Chẽ", "Kỳ Thượng",
            "Lương Minh", "Đường Hoa", "Quảng Đức");
    static final String[] HAMLET_NAMES = {"Đồng Tâm", "Tân Lập", "Tân Tiến", "Đoàn Kết", "Thống Nhất",
        "Quyết Tiến", "Bắc Sơn", "Nam Sơn", "Đông Hải", "Tây Sơn", "Khe Lạc", "Nà Pò", "Khe Vằn", "Pắc Cương",
        "Cầu Ngầm", "Đồng Cao", "Vườn Rậm", "Khe Mạ", "Bình Hải", "Hải Tiến", "Hợp Thành", "Trung Lương",
        "Làng Dạ", "Đồng Mạ", "Nà Làng", "Khe Tâm", "Lòng Vùng", "Đồng Giang", "Thủy Cơ", "Xóm Ngòi"};

    /** What was generated. */
    public record Summary(int communes, int hamlets, int accounts) {
    }

    private final Connection connection;
    private final double factor;
    private final Random random;
    private long nextUnitId;
    private long nextAccountId;

    private final List<long[]> communeLevel = new ArrayList<>();

    private DemoProvince(Connection connection, double factor, long seed) {
        this.connection = connection;
        this.factor = factor;
        this.random = new Random(seed);
    }

    /** True when the database holds no unit yet: the first start. */
    public static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM admin_unit")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** Generates the province on an empty database and commits. The connection must not auto-commit. */
    public static Summary generate(Connection connection, double factor, long seed) throws SQLException {
        if (!isEmpty(connection)) {
            throw new IllegalStateException("The demo province is generated only into an empty database");
        }
        DemoProvince demo = new DemoProvince(connection, factor, seed);
        Summary summary = demo.run();
        connection.commit();
        return summary;
    }

    private Summary run() throws SQLException {
        nextUnitId = maxId("admin_unit") + 1;
        nextAccountId = maxId("account") + 1;
        long started = System.nanoTime();
        int hamlets = units();
        restartIdentity("admin_unit", nextUnitId);
        int accounts = accounts();
        restartIdentity("account", nextAccountId);
        LOG.info(() -> String.format("Demo province: %d commune-level units, %d hamlets, %d accounts in %d ms",
                communeLevel.size(), hamlets, accounts, (System.nanoTime() - started) / 1_000_000));
        return new Summary(communeLevel.size(), hamlets, accounts);
    }

    private long provinceId;
    private String provincePath;

    private int units() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_unit"
                + " (id, version, code, name, name_folded, kind, parent_id, path, valid_from, valid_to, successor_id)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
            provinceId = nextUnitId++;
            provincePath = "/" + provinceId + "/";
            addUnit(insert, provinceId, "22", "Tỉnh Quảng Ninh", UnitKind.PROVINCE, null, provincePath, PROVINCE_FOUNDED);

            int total = (int) Math.max(1, Math.round(54 * factor));
            int hamlets = 0;
            for (int i = 0; i < total; i++) {
                int round = i / 54;
                int slot = i % 54;
                String base;
                UnitKind kind;
                if (slot < WARDS.length) {
                    base = WARDS[slot];
                    kind = UnitKind.WARD;
                } else if (slot < WARDS.length + COMMUNES.length) {
                    base = COMMUNES[slot - WARDS.length];
                    kind = UnitKind.COMMUNE;
                } else {
                    base = SPECIAL_ZONES[slot - WARDS.length - COMMUNES.length];
                    kind = UnitKind.SPECIAL_ZONE;
                }
                String name = prefix(kind) + base + (round == 0 ? "" : " " + (round + 1));
                long id = nextUnitId++;
                String code = String.format("2%04d", i + 1);
                String path = provincePath + id + "/";
                addUnit(insert, id, code, name, kind, provinceId, path, REFORM);
                communeLevel.add(new long[] {id});
                hamlets += hamlets(insert, id, code, path, kind, base);
            }
            insert.executeBatch();
            return hamlets;
        }
    }

    private int hamlets(PreparedStatement insert, long communeId, String communeCode, String communePath,
            UnitKind communeKind, String communeBase) throws SQLException {
        // about 27 per commune-level unit: 1,450 over 54
        int count = 20 + random.nextInt(15);
        boolean upland = UPLAND.contains(communeBase);
        for (int n = 1; n <= count; n++) {
            UnitKind kind;
            String name;
            if (communeKind == UnitKind.WARD) {
                kind = n % 3 == 0 ? UnitKind.RESIDENTIAL_GROUP : UnitKind.QUARTER;
                name = (kind == UnitKind.QUARTER ? "Khu phố " : "Tổ dân phố ") + n;
            } else {
                kind = upland ? UnitKind.VILLAGE : UnitKind.HAMLET;
                String label = n <= HAMLET_NAMES.length && random.nextInt(3) > 0
                        ? HAMLET_NAMES[(n - 1 + (int) (communeId % HAMLET_NAMES.length)) % HAMLET_NAMES.length]
                        : String.valueOf(n);
                name = (kind == UnitKind.VILLAGE ? "Bản " : "Thôn ") + label;
            }
            long id = nextUnitId++;
            addUnit(insert, id, communeCode + "-" + String.format("%02d", n), name, kind, communeId,
                    communePath + id + "/", REFORM);
        }
        return count;
    }

    private static String prefix(UnitKind kind) {
        return switch (kind) {
            case WARD -> "Phường ";
            case COMMUNE -> "Xã ";
            case SPECIAL_ZONE -> "Đặc khu ";
            default -> "";
        };
    }

    private int batched;

    private void addUnit(PreparedStatement insert, long id, String code, String name, UnitKind kind, Long parentId,
            String path, LocalDate validFrom) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, code);
        insert.setString(3, name);
        insert.setString(4, TextFold.fold(name));
        insert.setString(5, kind.name());
        if (parentId == null) {
            insert.setNull(6, java.sql.Types.BIGINT);
        } else {
            insert.setLong(6, parentId);
        }
        insert.setString(7, path);
        insert.setDate(8, Date.valueOf(validFrom));
        insert.addBatch();
        if (++batched % 1000 == 0) {
            insert.executeBatch();
        }
    }

    private int accounts() throws SQLException {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash(DEMO_PASSWORD);
        long firstCommune = communeLevel.get(0)[0];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (id, version, username,"
                + " display_name, display_name_folded, password_hash, role, unit_id, enabled, must_change_password,"
                + " locale, created_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, TRUE, FALSE, 'vi', ?)")) {
            for (DemoAccount a : ACCOUNTS) {
                insert.setLong(1, nextAccountId++);
                insert.setString(2, a.username());
                insert.setString(3, a.displayName());
                insert.setString(4, TextFold.fold(a.displayName()));
                // one salted hash of the shared demo password serves every demo account
                insert.setString(5, hash);
                insert.setString(6, a.role().name());
                if (a.role().needsUnit()) {
                    insert.setLong(7, firstCommune);
                } else {
                    insert.setNull(7, java.sql.Types.BIGINT);
                }
                insert.setTimestamp(8, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ACCOUNTS.size();
    }

    private long maxId(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void restartIdentity(String table, long next) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // the same statement on Derby and PostgreSQL (identity columns)
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }
}
