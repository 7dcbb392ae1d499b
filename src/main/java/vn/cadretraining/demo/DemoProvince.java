package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.reporting.service.Recounter;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.PasswordHasher;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo province, generated: modelled on Quảng Ninh, with its history.
 * <ul>
 * <li>Until 30 June 2025: 13 district-level units, each with its communes and wards.</li>
 * <li>From 1 July 2025: the districts are abolished and their communes merged into 54 commune-level units
 * (30 wards, 22 communes, 2 special zones) directly under the province, with about 1,450 hamlets and
 * quarters under them.</li>
 * <li>On 1 July 2026 two quarters of Phường Hạ Long are merged (Khu phố 5 into Khu phố 4), with the
 * positions held in Khu phố 5 continued in Khu phố 4.</li>
 * <li>About eight cadres per hamlet holding the three paid titles (one person sometimes holding two) and the
 * others; with plausible generated names, ethnic groups (Dao, Tày, Sán Chay, Sán Dìu in the upland
 * communes), dates, phones and national ID numbers; a few with an earlier, ended position.</li>
 * <li>One account per role; the CADRE account opens the record of the first cadre of Phường Hạ Long.</li>
 * </ul>
 *
 * <p>Deterministic: the same seed and size factor give the same rows, so a benchmark at 10× or 100× is the
 * same province, larger. Below 1 it keeps the first units in proportion (the tests use 0.05: three
 * commune-level units); above 1 the commune list repeats with numbered names.
 *
 * <p>It writes with plain JDBC batches and ids it assigns itself, then restarts the identity columns after
 * them, because the benchmark's largest size is a hundred times this and must take minutes, not hours. It
 * runs only on an empty database.
 */
public final class DemoProvince {

    private static final Logger LOG = Logger.getLogger(DemoProvince.class.getName());

    /** The password of every demo account; printed by setup/run and listed in the README. */
    public static final String DEMO_PASSWORD = "Demo@2026";
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    public static final LocalDate HAMLET_MERGE = LocalDate.of(2026, 7, 1);
    static final LocalDate PROVINCE_FOUNDED = LocalDate.of(1963, 10, 30);
    static final LocalDate DISTRICTS_FROM = LocalDate.of(1994, 1, 1);
    static final LocalDate HAMLETS_FROM = LocalDate.of(2019, 1, 1);
    /** The cadre the demo CADRE account opens. */
    public static final String DEMO_CADRE_NAME = "Hoàng Văn Sình";

    /** The demo province, as its unit is named. */
    static final String PROVINCE_NAME = "Tỉnh Quảng Ninh";

    /** One demo account per role (username, role, display name). */
    public record DemoAccount(String username, Role role, String displayName) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", Role.ADMIN, "Quản trị hệ thống"),
            new DemoAccount("tinh", Role.PROVINCE, "Phạm Thị Thu Hà"),
            new DemoAccount("xa.halong", Role.COORDINATOR, "Trần Văn Đức"),
            new DemoAccount("giangvien", Role.TRAINER, "Lê Minh Tuấn"),
            new DemoAccount("canbo", Role.CADRE, DEMO_CADRE_NAME));

    /** Commune-level units after 1 July 2025: wards first, then communes, then the two special zones. */
    static final String[] WARDS = {"Hạ Long", "Bãi Cháy", "Hà Tu", "Hà Lầm", "Cao Xanh", "Hồng Gai", "Việt Hưng",
        "Hoành Bồ", "Tuần Châu", "Cẩm Phả", "Quang Hanh", "Cửa Ông", "Mông Dương", "Uông Bí", "Vàng Danh",
        "Yên Tử", "Đông Triều", "Mạo Khê", "Bình Khê", "An Sinh", "Hoàng Quế", "Quảng Yên", "Đông Mai",
        "Hiệp Hòa", "Hà An", "Liên Hòa", "Phong Cốc", "Móng Cái 1", "Móng Cái 2", "Móng Cái 3"};
    static final String[] COMMUNES = {"Hải Sơn", "Hải Ninh", "Vĩnh Thực", "Quảng Hà", "Đường Hoa", "Quảng Đức",
        "Cái Chiên", "Đầm Hà", "Quảng Tân", "Tiên Yên", "Điền Xá", "Đông Ngũ", "Hải Lạng", "Ba Chẽ",
        "Kỳ Thượng", "Lương Minh", "Bình Liêu", "Hoành Mô", "Lục Hồn", "Thống Nhất", "Quảng La", "Bằng Cả"};
    static final String[] SPECIAL_ZONES = {"Vân Đồn", "Cô Tô"};
    /** The district-level units until 30 June 2025. */
    static final String[] DISTRICTS = {"Thành phố Hạ Long", "Thành phố Cẩm Phả", "Thành phố Uông Bí",
        "Thị xã Đông Triều", "Thị xã Quảng Yên", "Thành phố Móng Cái", "Huyện Hải Hà", "Huyện Đầm Hà",
        "Huyện Tiên Yên", "Huyện Ba Chẽ", "Huyện Bình Liêu", "Huyện Vân Đồn", "Huyện Cô Tô"};
    /** For each of the 54 commune-level slots, the district its predecessors belonged to. */
    static final int[] DISTRICT_OF = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4,
        4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 9, 10, 10, 10, 0, 0, 0, 11, 12};
    /** Names for the communes and wards before the 2025 merge. */
    static final String[] OLD_NAMES = {"Bạch Đằng", "Hồng Hà", "Hồng Hải", "Cao Thắng", "Yết Kiêu", "Trần Hưng Đạo",
        "Giếng Đáy", "Hà Khẩu", "Hà Phong", "Hà Trung", "Đại Yên", "Hùng Thắng", "Cẩm Trung", "Cẩm Thành",
        "Cẩm Bình", "Cẩm Tây", "Cẩm Đông", "Cẩm Sơn", "Cẩm Phú", "Cẩm Thạch", "Cẩm Thủy", "Cẩm Thịnh",
        "Cộng Hòa", "Dương Huy", "Trưng Vương", "Quang Trung", "Yên Thanh", "Thanh Sơn", "Bắc Sơn", "Nam Khê",
        "Phương Đông", "Phương Nam", "Thượng Yên Công", "Điền Công", "Kim Sơn", "Xuân Sơn", "Đức Chính",
        "Hưng Đạo", "Yên Thọ", "Tràng An", "Hồng Phong", "Thủy An", "Nguyễn Huệ", "Việt Dân", "Tân Việt",
        "Bình Dương", "Hồng Thái Đông", "Hồng Thái Tây", "Tràng Lương", "Minh Thành", "Sông Khoai", "Tân An",
        "Nam Hòa", "Yên Hải", "Phong Hải", "Cẩm La", "Tiền An", "Hoàng Tân", "Liên Vị", "Tiền Phong", "Ka Long",
        "Trần Phú", "Hải Hòa", "Bình Ngọc", "Trà Cổ", "Hải Xuân", "Hải Yên", "Hải Đông", "Hải Tiến", "Vạn Ninh",
        "Quảng Nghĩa", "Quảng Thành", "Quảng Minh", "Quảng Chính", "Quảng Long", "Quảng Phong", "Quảng Sơn",
        "Quảng Thịnh", "Tiến Tới", "Quảng An", "Quảng Lâm", "Dực Yên", "Tân Bình", "Đại Bình", "Đông Hải",
        "Hà Lâu", "Phong Dụ", "Yên Than", "Tiên Lãng", "Đạp Thanh", "Thanh Lâm", "Nam Sơn", "Đồn Đạc",
        "Minh Cầm", "Lương Mông", "Đồng Văn", "Húc Động", "Vô Ngại", "Tình Húc", "Đồng Tâm", "Bình Dân",
        "Đông Xá", "Đoàn Kết", "Đài Xuyên", "Vạn Yên", "Minh Châu", "Quan Lạn", "Ngọc Vừng", "Bản Sen",
        "Thắng Lợi", "Đồng Tiến", "Thanh Lân", "Cái Rồng", "Lê Lợi", "Sơn Dương", "Dân Chủ", "Tân Dân",
        "Hòa Bình", "Vũ Oai", "Đồng Lâm", "Đồng Sơn"};
    /** Upland communes, where hamlets are "bản" and most cadres are of ethnic minorities. */
    static final List<String> UPLAND = List.of("Bình Liêu", "Hoành Mô", "Lục Hồn", "Ba Chẽ", "Kỳ Thượng",
            "Lương Minh", "Đường Hoa", "Quảng Đức");
    static final String[] HAMLET_NAMES = {"Đồng Tâm", "Tân Lập", "Tân Tiến", "Đoàn Kết", "Thống Nhất",
        "Quyết Tiến", "Bắc Sơn", "Nam Sơn", "Đông Hải", "Tây Sơn", "Khe Lạc", "Nà Pò", "Khe Vằn", "Pắc Cương",
        "Cầu Ngầm", "Đồng Cao", "Vườn Rậm", "Khe Mạ", "Bình Hải", "Hải Tiến", "Hợp Thành", "Trung Lương",
        "Làng Dạ", "Đồng Mạ", "Nà Làng", "Khe Tâm", "Lòng Vùng", "Đồng Giang", "Thủy Cơ", "Xóm Ngòi"};

    /** What was generated. */
    public record Summary(int communes, int hamlets, int cadres, int positions, int accounts, int classes,
            int enrollments, int marks, int certificates) {
    }

    /** A hamlet generated. */
    private record Hamlet(long id, String path, boolean upland, boolean ward, Commune commune) {
    }

    /**
     * A commune-level unit generated, with the district it came from and its cadres (for the catalog):
     * each cadre as {id, hamlet id, bit mask of the titles held, by {@link #TITLE_ORDER}}.
     */
    record Commune(long id, String name, String path, long districtId, List<long[]> cadres) {
    }

    /** Title codes in a fixed order, for the masks of {@link Commune#cadres()}. */
    static final List<String> TITLE_ORDER = List.of("PARTY_CELL_SECRETARY", "HAMLET_HEAD", "FRONT_HEAD",
            "PARTY_CELL_DEPUTY", "HAMLET_DEPUTY", "YOUTH_UNION", "WOMEN_UNION", "VETERANS", "FARMERS", "SECURITY");

    private final Connection connection;
    private final long seed;
    private final double factor;
    private final Random random;
    private final int commitEvery;
    private final Map<String, Long> titleIds = new HashMap<>();
    private final List<Hamlet> hamlets = new ArrayList<>();
    private final List<Commune> communeLevel = new ArrayList<>();
    private final Map<Long, long[]> cadreEntries = new HashMap<>();
    /** Per cadre: the day they came of age (18), and the day they joined the Party (null if not a member). */
    private final Map<Long, LocalDate[]> lifeDates = new HashMap<>();
    private final LocalDate today = VietnamTime.today();
    private long provinceId;
    private String provincePath;
    private long trainerAccountId;
    private long nextUnitId;
    private long nextChangeId;
    private long nextCadreId;
    private long nextPositionId;
    private long nextAccountId;
    private int cadres;
    private int positions;
    private int classes;
    private int enrollments;
    private int years = DemoCatalog.DEFAULT_YEARS;
    private String issuer = Certificate.DEFAULT_ISSUER;
    private int pending;
    private long demoCadreId;
    private Hamlet mergedFrom;
    private Hamlet mergedInto;

    private DemoProvince(Connection connection, double factor, long seed, int commitEvery) {
        this.seed = seed;
        this.connection = connection;
        this.factor = factor;
        this.random = new Random(seed);
        this.commitEvery = commitEvery;
    }

    /** True when the database holds no unit yet: the first start. */
    public static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM admin_unit")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** Generates the province on an empty database in one transaction. The connection must not auto-commit. */
    public static Summary generate(Connection connection, double factor, long seed) throws SQLException {
        return generate(connection, factor, seed, 0);
    }

    /**
     * Generates the province, committing every {@code commitEvery} rows (0: once, at the end). The benchmark
     * commits as it goes: at 100× one transaction would hold millions of row locks.
     */
    public static Summary generate(Connection connection, double factor, long seed, int commitEvery)
            throws SQLException {
        return generate(connection, factor, seed, commitEvery, DemoCatalog.DEFAULT_YEARS);
    }

    /** As above, with the number of years of classes and enrollments, ending with the current year. */
    public static Summary generate(Connection connection, double factor, long seed, int commitEvery, int years)
            throws SQLException {
        return generate(connection, factor, seed, commitEvery, years, Certificate.DEFAULT_ISSUER);
    }

    /** As above, with the issuer code the certificates are numbered under ("QN-2026-000123"). */
    public static Summary generate(Connection connection, double factor, long seed, int commitEvery, int years,
            String issuer) throws SQLException {
        if (!isEmpty(connection)) {
            throw new IllegalStateException("The demo province is generated only into an empty database");
        }
        DemoProvince demo = new DemoProvince(connection, factor, seed, commitEvery);
        demo.years = years;
        demo.issuer = issuer;
        Summary summary = demo.run();
        connection.commit();
        return summary;
    }

    private Summary run() throws SQLException {
        long started = System.nanoTime();
        nextUnitId = maxId("admin_unit") + 1;
        nextChangeId = maxId("unit_change") + 1;
        nextCadreId = maxId("cadre") + 1;
        nextPositionId = maxId("position") + 1;
        nextAccountId = maxId("account") + 1;
        loadTitles();
        units();
        people();
        hamletMerge();
        int accounts = accounts();
        for (String[] t : new String[][] {{"admin_unit", "" + nextUnitId}, {"unit_change", "" + nextChangeId},
            {"cadre", "" + nextCadreId}, {"position", "" + nextPositionId}, {"account", "" + nextAccountId}}) {
            restartIdentity(t[0], Long.parseLong(t[1]));
        }
        cadreEntries.clear();
        DemoCatalog.Summary catalog = new DemoCatalog(connection, random, commitEvery, titleIds, issuer)
                .generate(communeLevel, provinceId, provincePath, trainerAccountId, years);
        classes = catalog.classes();
        enrollments = catalog.enrollments();
        // last year's and this year's targets, and the communes' quarterly briefings
        new DemoTargets(connection, seed).generate(communeLevel, provinceId);
        new DemoCommendations(connection, seed).generate(communeLevel, provinceId, PROVINCE_NAME, years);
        new DemoPetitions(connection, seed).generate(communeLevel);
        new DemoTours(connection, seed).generate(provinceId, provincePath, years);
        // written without the services: the progress summaries are counted from the records once
        Recounter.run(connection, true);
        updateStatistics(connection);
        LOG.info(() -> String.format("Demo province: %d commune-level units, %d hamlets, %d cadres, %d positions,"
                + " %d accounts, %d classes, %d enrollments, %d attendance marks, %d certificates in %d ms",
                communeLevel.size(), hamlets.size(), cadres, positions, accounts, classes, enrollments, catalog.marks(),
                catalog.certificates(), (System.nanoTime() - started) / 1_000_000));
        return new Summary(communeLevel.size(), hamlets.size(), cadres, positions, accounts, classes, enrollments,
                catalog.marks(), catalog.certificates());
    }

    // ---- units ---------------------------------------------------------------------------------------

    private PreparedStatement unitInsert;
    private PreparedStatement changeInsert;

    private void units() throws SQLException {
        unitInsert = connection.prepareStatement("INSERT INTO admin_unit (id, version, code, name, name_folded,"
                + " kind, parent_id, path, valid_from, valid_to, successor_id, current_unit_id)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        changeInsert = connection.prepareStatement("INSERT INTO unit_change (id, version, kind, unit_id,"
                + " successor_id, effective_date, detail, recorded_by, recorded_at) VALUES (?, 0, ?, ?, ?, ?, ?, 'demo', ?)");
        try {
            long province = nextUnitId++;
            provinceId = province;
            provincePath = "/" + province + "/";
            unit(province, "22", PROVINCE_NAME, UnitKind.PROVINCE, null, provincePath, PROVINCE_FOUNDED, null,
                    null, province);

            int total = (int) Math.max(1, Math.round(54 * factor));
            Map<String, long[]> districts = new HashMap<>();
            int oldCommune = 0;
            for (int i = 0; i < total; i++) {
                int round = i / 54;
                int slot = i % 54;
                String suffix = round == 0 ? "" : " " + (round + 1);
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
                // the district it came from, abolished on 1 July 2025 (its functions went to the province)
                String districtKey = DISTRICT_OF[slot] + suffix;
                long[] district = districts.get(districtKey);
                if (district == null) {
                    long id = nextUnitId++;
                    district = new long[] {id};
                    districts.put(districtKey, district);
                    unit(id, String.format("2H%03d", districts.size()), DISTRICTS[DISTRICT_OF[slot]] + suffix,
                            UnitKind.DISTRICT, province, provincePath + id + "/", DISTRICTS_FROM,
                            REFORM.minusDays(1), province, province);
                    change(id, "CLOSED", province, REFORM, "Kết thúc hoạt động của đơn vị hành chính cấp huyện");
                }
                String name = prefix(kind) + base + suffix;
                long id = nextUnitId++;
                String code = String.format("2%04d", i + 1);
                String path = provincePath + id + "/";
                // the communes and wards merged into it on 1 July 2025 (written after it: they point at it)
                int predecessors = slot >= 52 ? 3 : 2 + random.nextInt(2);
                List<String> oldNames = new ArrayList<>();
                for (int p = 0; p < predecessors; p++) {
                    oldNames.add((kind == UnitKind.WARD ? "Phường " : "Xã ")
                            + OLD_NAMES[(oldCommune * 7 + p * 3) % OLD_NAMES.length] + suffix);
                }
                unit(id, code, name, kind, province, path, REFORM, null, null, id);
                change(id, "CREATED", null, REFORM, "Sắp xếp từ: " + String.join(", ", oldNames));
                for (String oldName : oldNames) {
                    long oldId = nextUnitId++;
                    unit(oldId, String.format("2X%05d", ++oldCommune), oldName,
                            kind == UnitKind.WARD ? UnitKind.WARD : UnitKind.COMMUNE, district[0],
                            provincePath + district[0] + "/" + oldId + "/", DISTRICTS_FROM, REFORM.minusDays(1), id, id);
                    change(oldId, "MERGED", id, REFORM, null);
                }
                Commune commune = new Commune(id, name, path, district[0], new ArrayList<>());
                communeLevel.add(commune);
                hamletsOf(commune, code, kind, base);
            }
            unitInsert.executeBatch();
            changeInsert.executeBatch();
        } finally {
            unitInsert.close();
            changeInsert.close();
        }
    }

    private void hamletsOf(Commune commune, String communeCode, UnitKind communeKind, String communeBase)
            throws SQLException {
        long communeId = commune.id();
        String communePath = commune.path();
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
            String path = communePath + id + "/";
            unit(id, communeCode + "-" + String.format("%02d", n), name, kind, communeId, path, HAMLETS_FROM, null,
                    null, id);
            Hamlet hamlet = new Hamlet(id, path, upland, communeKind == UnitKind.WARD, commune);
            hamlets.add(hamlet);
            // the demo merge: in the first ward, Khu phố 5 is merged into Khu phố 4 on 1 July 2026
            if (communeLevel.size() == 1 && communeKind == UnitKind.WARD) {
                if ("Khu phố 5".equals(name)) {
                    mergedFrom = hamlet;
                } else if ("Khu phố 4".equals(name)) {
                    mergedInto = hamlet;
                }
            }
        }
    }

    private static String prefix(UnitKind kind) {
        return switch (kind) {
            case WARD -> "Phường ";
            case COMMUNE -> "Xã ";
            case SPECIAL_ZONE -> "Đặc khu ";
            default -> "";
        };
    }

    private void unit(long id, String code, String name, UnitKind kind, Long parentId, String path,
            LocalDate validFrom, LocalDate validTo, Long successorId, long currentId) throws SQLException {
        unitInsert.setLong(1, id);
        unitInsert.setString(2, code);
        unitInsert.setString(3, name);
        unitInsert.setString(4, TextFold.fold(name));
        unitInsert.setString(5, kind.name());
        setLong(unitInsert, 6, parentId);
        unitInsert.setString(7, path);
        unitInsert.setDate(8, Date.valueOf(validFrom));
        unitInsert.setDate(9, validTo == null ? null : Date.valueOf(validTo));
        setLong(unitInsert, 10, successorId);
        unitInsert.setLong(11, currentId);
        unitInsert.addBatch();
        counted(unitInsert);
    }

    private void change(long unitId, String kind, Long successorId, LocalDate effective, String detail)
            throws SQLException {
        changeInsert.setLong(1, nextChangeId++);
        changeInsert.setString(2, kind);
        changeInsert.setLong(3, unitId);
        setLong(changeInsert, 4, successorId);
        changeInsert.setDate(5, Date.valueOf(effective));
        changeInsert.setString(6, detail);
        changeInsert.setTimestamp(7, Timestamp.from(Instant.now()));
        changeInsert.addBatch();
        counted(changeInsert);
    }

    // ---- people --------------------------------------------------------------------------------------

    private PreparedStatement cadreInsert;
    private PreparedStatement positionInsert;
    private PreparedStatement tokenInsert;

    /** A title, its term as written on the decision, and the year that term began. */
    private record Title(String code, String term, int termStart, int chance) {
    }

    private static final List<Title> PAID = List.of(
            new Title("PARTY_CELL_SECRETARY", "2025–2030", 2025, 100),
            new Title("HAMLET_HEAD", "2022–2027", 2022, 100),
            new Title("FRONT_HEAD", "2024–2029", 2024, 100));
    private static final List<Title> OTHERS = List.of(
            new Title("PARTY_CELL_DEPUTY", "2025–2030", 2025, 75),
            new Title("HAMLET_DEPUTY", "2022–2027", 2022, 60),
            new Title("YOUTH_UNION", "2022–2027", 2022, 80),
            new Title("WOMEN_UNION", "2022–2027", 2022, 90),
            new Title("VETERANS", "2022–2027", 2022, 75),
            new Title("FARMERS", "2023–2028", 2023, 70),
            new Title("SECURITY", null, 2022, 80));

    private void people() throws SQLException {
        cadreInsert = connection.prepareStatement("INSERT INTO cadre (id, version, code, full_name, full_name_folded,"
                + " gender, birth_date, ethnicity_code, phone, education, political_theory, party_member,"
                + " party_joined, national_id, unit_id, unit_path, created_at, updated_at, name_sort)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        positionInsert = connection.prepareStatement("INSERT INTO position (id, version, cadre_id, title_id,"
                + " unit_id, start_date, end_date, term, newly_elected) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)");
        tokenInsert = connection.prepareStatement("INSERT INTO cadre_search_token (token, cadre_id) VALUES (?, ?)");
        try {
            Timestamp now = Timestamp.from(Instant.now());
            for (Hamlet hamlet : hamlets) {
                // the three paid titles: one person sometimes holds two of them (kiêm nhiệm)
                long secretary = person(hamlet, true, true, now);
                hold(secretary, PAID.get(0), hamlet);
                long head = random.nextInt(100) < 15 ? secretary : person(hamlet, false, false, now);
                hold(head, PAID.get(1), hamlet);
                long front = random.nextInt(100) < 10 && head != secretary ? head : person(hamlet, false, false, now);
                hold(front, PAID.get(2), hamlet);
                for (Title t : OTHERS) {
                    if (random.nextInt(100) < t.chance()) {
                        hold(person(hamlet, false, partyTitle(t), now), t, hamlet);
                    }
                }
            }
            cadreInsert.executeBatch();
            positionInsert.executeBatch();
            tokenInsert.executeBatch();
        } finally {
            cadreInsert.close();
            positionInsert.close();
            tokenInsert.close();
        }
    }

    /** A title of the Party cell: only a Party member holds it. */
    private static boolean partyTitle(Title title) {
        return title.code().startsWith("PARTY_");
    }

    /** A new cadre on the hamlet's roster (a Party member when {@code party}); returns their id. */
    private long person(Hamlet hamlet, boolean secretary, boolean party, Timestamp now) throws SQLException {
        long id = nextCadreId++;
        boolean first = demoCadreId == 0;
        boolean female = !first && random.nextInt(100) < (secretary ? 25 : 45);
        String ethnicity = first ? "TAY" : DemoNames.ethnicity(random, hamlet.upland());
        String name = first ? DEMO_CADRE_NAME : DemoNames.fullName(random, female, ethnicity);
        if (first) {
            demoCadreId = id;
        }
        int birthYear = 1955 + random.nextInt(46);
        LocalDate birth = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean drawnMember = secretary || random.nextInt(100) < 55;
        boolean partyMember = drawnMember || party;
        String code = String.format("CB%07d", id);
        String phone = random.nextInt(100) < 90 ? "09" + String.format("%08d", random.nextInt(100_000_000)) : null;
        cadreInsert.setLong(1, id);
        cadreInsert.setString(2, code);
        cadreInsert.setString(3, name);
        cadreInsert.setString(4, TextFold.fold(name));
        cadreInsert.setString(5, female ? "FEMALE" : "MALE");
        cadreInsert.setDate(6, Date.valueOf(birth));
        cadreInsert.setString(7, ethnicity);
        cadreInsert.setString(8, phone);
        cadreInsert.setString(9, pickEducation());
        cadreInsert.setString(10, secretary ? (random.nextInt(100) < 70 ? "INTERMEDIATE" : "ELEMENTARY")
                : (partyMember ? "ELEMENTARY" : "NONE"));
        cadreInsert.setBoolean(11, partyMember);
        LocalDate adult = birth.plusYears(18);
        // a Party cell's deputy is a member even when the draw said otherwise: no extra draw for them
        LocalDate joined = drawnMember ? joined(birth, 22 + random.nextInt(15))
                : partyMember ? joined(birth, 22 + (int) (id % 15)) : null;
        lifeDates.put(id, new LocalDate[] {adult, joined});
        cadreInsert.setDate(12, joined == null ? null : Date.valueOf(joined));
        // CCCD: 022 (Quảng Ninh), a gender-and-century digit, the birth year's last two digits, six digits
        int centuryGender = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        cadreInsert.setString(13, String.format("022%d%02d%06d", centuryGender, birthYear % 100, random.nextInt(1_000_000)));
        cadreInsert.setLong(14, hamlet.id());
        cadreInsert.setString(15, hamlet.path());
        cadreInsert.setTimestamp(16, now);
        cadreInsert.setTimestamp(17, now);
        cadreInsert.setString(18, Cadre.sortKey(name));
        cadreInsert.addBatch();
        counted(cadreInsert);
        long[] entry = {id, hamlet.id(), 0L};
        hamlet.commune().cadres().add(entry);
        cadreEntries.put(id, entry);
        for (String token : Cadre.searchTokens(name, code, phone)) {
            tokenInsert.setString(1, token);
            tokenInsert.setLong(2, id);
            tokenInsert.addBatch();
            counted(tokenInsert);
        }
        cadres++;
        return id;
    }

    /**
     * The day a cadre joined the Party: at the age drawn if that day has come, otherwise at an age between 18
     * and today's, spread by the same draw (the Party admits from 18; no one joins in the future).
     */
    private LocalDate joined(LocalDate birth, int age) {
        LocalDate drawn = birth.plusYears(age);
        if (!drawn.isAfter(today)) {
            return drawn;
        }
        LocalDate adult = birth.plusYears(18);
        long days = ChronoUnit.DAYS.between(adult, today);
        return days <= 0 ? today : adult.plusDays(Math.floorMod(age * 7919L, days + 1));
    }

    private String pickEducation() {
        int r = random.nextInt(100);
        return r < 5 ? "PRIMARY" : r < 25 ? "LOWER_SECONDARY" : r < 65 ? "UPPER_SECONDARY" : r < 80 ? "VOCATIONAL"
                : r < 88 ? "COLLEGE" : r < 99 ? "UNIVERSITY" : "POSTGRADUATE";
    }

    /**
     * The cadre holds the title in the hamlet: newly elected (started in the current term) or re-elected
     * (started in an earlier term); a few came to it from an earlier, ended title.
     */
    private void hold(long cadreId, Title title, Hamlet hamlet) throws SQLException {
        boolean newly = random.nextInt(100) < 35;
        int year = newly ? title.termStart() : title.termStart() - 5 - random.nextInt(6);
        LocalDate start = LocalDate.of(year, 3 + random.nextInt(6), 1 + random.nextInt(28));
        // no one holds a title before 18, a Party title before joining, or from a day still to come
        LocalDate[] life = lifeDates.get(cadreId);
        LocalDate earliest = partyTitle(title) && life[1] != null && life[1].isAfter(life[0]) ? life[1] : life[0];
        if (start.isBefore(earliest)) {
            start = earliest.plusDays(Math.floorMod(year * 31L + cadreId, 60));
        }
        if (start.isAfter(today)) {
            start = today;
        }
        boolean drawnNewly = newly;
        newly = !start.isBefore(LocalDate.of(title.termStart(), 1, 1));
        // the same draws as before the dates were made possible, so that a seed gives the same people
        if (!drawnNewly && random.nextInt(100) < 20) {
            Title earlier = OTHERS.get(random.nextInt(OTHERS.size()));
            LocalDate earlierStart = start.minusYears(3);
            if (!newly && !earlier.code().equals(title.code()) && !earlierStart.isBefore(life[0])
                    && !(partyTitle(earlier) && (life[1] == null || earlierStart.isBefore(life[1])))) {
                position(cadreId, earlier, hamlet.id(), earlierStart, start.minusDays(1), false);
            }
        }
        position(cadreId, title, hamlet.id(), start, null, newly);
        cadreEntries.get(cadreId)[2] |= 1L << TITLE_ORDER.indexOf(title.code());
    }

    private void position(long cadreId, Title title, long unitId, LocalDate start, LocalDate end, boolean newly)
            throws SQLException {
        positionInsert.setLong(1, nextPositionId++);
        positionInsert.setLong(2, cadreId);
        positionInsert.setLong(3, titleIds.get(title.code()));
        positionInsert.setLong(4, unitId);
        positionInsert.setDate(5, Date.valueOf(start));
        positionInsert.setDate(6, end == null ? null : Date.valueOf(end));
        positionInsert.setString(7, title.term());
        positionInsert.setBoolean(8, newly);
        positionInsert.addBatch();
        counted(positionInsert);
        positions++;
    }

    /** Khu phố 5 merged into Khu phố 4, as the merge page would do it. */
    private void hamletMerge() throws SQLException {
        if (mergedFrom == null || mergedInto == null) {
            return;
        }
        commitIfDue(true);
        LocalDate lastDay = HAMLET_MERGE.minusDays(1);
        List<Object[]> held = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT cadre_id, title_id, term, newly_elected,"
                + " COALESCE(term_start, start_date) FROM position WHERE unit_id = ? AND end_date IS NULL")) {
            q.setLong(1, mergedFrom.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    held.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getDate(5)});
                }
            }
        }
        try (PreparedStatement end = connection.prepareStatement(
                "UPDATE position SET end_date = ? WHERE unit_id = ? AND end_date IS NULL");
                PreparedStatement add = connection.prepareStatement("INSERT INTO position (id, version, cadre_id,"
                        + " title_id, unit_id, start_date, end_date, term, newly_elected, term_start)"
                        + " VALUES (?, 0, ?, ?, ?, ?, NULL, ?, ?, ?)");
                PreparedStatement roster = connection.prepareStatement(
                        "UPDATE cadre SET unit_id = ?, unit_path = ? WHERE unit_id = ?");
                PreparedStatement close = connection.prepareStatement(
                        "UPDATE admin_unit SET valid_to = ?, successor_id = ?, current_unit_id = ? WHERE id = ?");
                PreparedStatement change = connection.prepareStatement("INSERT INTO unit_change (id, version, kind,"
                        + " unit_id, successor_id, effective_date, detail, recorded_by, recorded_at)"
                        + " VALUES (?, 0, ?, ?, ?, ?, ?, 'demo', ?)")) {
            end.setDate(1, Date.valueOf(lastDay));
            end.setLong(2, mergedFrom.id());
            end.executeUpdate();
            for (Object[] h : held) {
                add.setLong(1, nextPositionId++);
                add.setLong(2, (Long) h[0]);
                add.setLong(3, (Long) h[1]);
                add.setLong(4, mergedInto.id());
                add.setDate(5, Date.valueOf(HAMLET_MERGE));
                add.setString(6, (String) h[2]);
                add.setBoolean(7, (Boolean) h[3]);
                add.setDate(8, (Date) h[4]); // the holder's term goes on across the merge
                add.addBatch();
                positions++;
            }
            add.executeBatch();
            roster.setLong(1, mergedInto.id());
            roster.setString(2, mergedInto.path());
            roster.setLong(3, mergedFrom.id());
            roster.executeUpdate();
            close.setDate(1, Date.valueOf(lastDay));
            close.setLong(2, mergedInto.id());
            close.setLong(3, mergedInto.id());
            close.setLong(4, mergedFrom.id());
            close.executeUpdate();
            Timestamp now = Timestamp.from(Instant.now());
            for (Object[] c : new Object[][] {{"MERGED", mergedFrom.id(), mergedInto.id(), null},
                {"EXTENDED", mergedInto.id(), null, "Khu phố 5"}}) {
                change.setLong(1, nextChangeId++);
                change.setString(2, (String) c[0]);
                change.setLong(3, (Long) c[1]);
                setLong(change, 4, (Long) c[2]);
                change.setDate(5, Date.valueOf(HAMLET_MERGE));
                change.setString(6, (String) c[3]);
                change.setTimestamp(7, now);
                change.executeUpdate();
            }
        }
    }

    // ---- accounts ------------------------------------------------------------------------------------

    private int accounts() throws SQLException {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash(DEMO_PASSWORD);
        long firstCommune = communeLevel.get(0).id();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (id, version, username,"
                + " display_name, display_name_folded, password_hash, role, unit_id, cadre_id, enabled,"
                + " must_change_password, locale, created_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, 'vi', ?)")) {
            for (DemoAccount a : ACCOUNTS) {
                if (a.role() == Role.TRAINER) {
                    trainerAccountId = nextAccountId;
                }
                insert.setLong(1, nextAccountId++);
                insert.setString(2, a.username());
                insert.setString(3, a.displayName());
                insert.setString(4, TextFold.fold(a.displayName()));
                // one salted hash of the shared demo password serves every demo account
                insert.setString(5, hash);
                insert.setString(6, a.role().name());
                setLong(insert, 7, a.role().needsUnit() ? firstCommune : null);
                setLong(insert, 8, a.role() == Role.CADRE ? demoCadreId : null);
                insert.setTimestamp(9, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ACCOUNTS.size();
    }

    // ---- plumbing ------------------------------------------------------------------------------------

    /** The tables the generator fills in bulk. */
    private static final List<String> LOADED = List.of("admin_unit", "unit_change", "cadre", "cadre_search_token",
            "position", "account", "provider", "venue", "trainer", "course", "course_title", "course_class",
            "class_trainer", "class_session", "enrollment", "attendance_mark", "certificate", "training_target");

    /**
     * Refreshes the optimizer's statistics of the tables just filled in bulk: without them Derby plans the
     * reports' joins for empty tables (up to five times slower) until its background statistics catch up.
     */
    static void updateStatistics(Connection connection) throws SQLException {
        connection.commit();
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement s = connection.createStatement()) {
            for (String table : LOADED) {
                if (product.startsWith("Apache Derby")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table.toUpperCase() + "', NULL)");
                } else if (product.startsWith("PostgreSQL")) {
                    s.execute("ANALYZE " + table);
                }
            }
        }
    }

    private void loadTitles() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, id FROM position_title")) {
            while (rs.next()) {
                titleIds.put(rs.getString(1), rs.getLong(2));
            }
        }
    }

    /** Sends a statement's batch every 1,000 rows, and commits when the caller asked for it. */
    private void counted(PreparedStatement statement) throws SQLException {
        pending++;
        if (pending % 1000 == 0) {
            flushAll();
        }
        commitIfDue(false);
    }

    private void flushAll() throws SQLException {
        // parents before children: units, cadres, then what refers to them
        for (PreparedStatement s : new PreparedStatement[] {unitInsert, changeInsert, cadreInsert, positionInsert,
            tokenInsert}) {
            if (s != null && !s.isClosed()) {
                s.executeBatch();
            }
        }
    }

    private void commitIfDue(boolean now) throws SQLException {
        if (commitEvery > 0 && (now || pending % commitEvery == 0)) {
            flushAll();
            connection.commit();
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
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
