package vn.cadretraining.demo;

import java.util.Random;

/**
 * Plausible generated Vietnamese names, weighted roughly as they occur, by gender and ethnic group. No
 * real person is meant; any resemblance is the nature of Vietnamese names (four surnames cover half the
 * country).
 */
final class DemoNames {

    /** Kinh surnames with approximate weights (percent). */
    private static final String[] KINH_SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Lương", "Mai", "Trịnh", "Tô"};
    private static final int[] KINH_WEIGHTS = {38, 11, 9, 7, 5, 4, 4, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private static final String[] DAO_SURNAMES = {"Triệu", "Bàn", "Lý", "Đặng", "Chìu", "Tằng", "Phùn"};
    private static final String[] TAY_SURNAMES = {"Hoàng", "Nông", "Lục", "Vi", "Hà", "Lương", "Ninh"};
    private static final String[] SAN_DIU_SURNAMES = {"Trần", "Lê", "Diệp", "Lam", "Phạm", "Dương"};
    private static final String[] SAN_CHAY_SURNAMES = {"Chíu", "Sằn", "Voòng", "Lỷ", "Tằng", "Lò"};
    private static final String[] HOA_SURNAMES = {"Lý", "Trương", "Hoàng", "Lâm", "Châu"};

    private static final String[] MALE_MIDDLE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân",
        "Thanh", "Công", "Đình", "Ngọc"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim",
        "Bích", "Hồng"};
    private static final String[] MALE_GIVEN = {"Hùng", "Dũng", "Tuấn", "Hải", "Hòa", "Thắng", "Hồi", "Sơn",
        "Long", "Nam", "Bình", "Cường", "Đức", "Trung", "Quân", "Phong", "Toàn", "Lâm", "Khánh", "Tùng", "Hiếu",
        "Thành", "Tiến", "Vinh", "Quyết", "Lợi", "Chiến", "Hưng", "Sình", "Phúc", "Định", "Thọ"};
    private static final String[] FEMALE_GIVEN = {"Lan", "Hoa", "Hương", "Mai", "Hà", "Huyền", "Thảo", "Trang",
        "Nga", "Phương", "Hằng", "Yến", "Liên", "Thu", "Nhung", "Loan", "Oanh", "Dung", "Hạnh", "Xuân", "Vân",
        "Tâm", "Lý", "Duyên"};

    private DemoNames() {
    }

    static String fullName(Random random, boolean female, String ethnicity) {
        String surname = switch (ethnicity) {
            case "DAO" -> pick(random, DAO_SURNAMES);
            case "TAY" -> pick(random, TAY_SURNAMES);
            case "SAN_DIU" -> pick(random, SAN_DIU_SURNAMES);
            case "SAN_CHAY" -> pick(random, SAN_CHAY_SURNAMES);
            case "HOA" -> pick(random, HOA_SURNAMES);
            default -> weighted(random, KINH_SURNAMES, KINH_WEIGHTS);
        };
        String middle = female ? pick(random, FEMALE_MIDDLE) : pick(random, MALE_MIDDLE);
        String given = female ? pick(random, FEMALE_GIVEN) : pick(random, MALE_GIVEN);
        return surname + " " + middle + " " + given;
    }

    /**
     * An ethnic group drawn as Quảng Ninh's population: mostly Kinh; Dao, Tày, Sán Chay (Sán Chỉ) and Sán
     * Dìu concentrated in the upland communes; Hoa along the border.
     */
    static String ethnicity(Random random, boolean upland) {
        int r = random.nextInt(100);
        if (upland) {
            if (r < 30) {
                return "DAO";
            }
            if (r < 55) {
                return "TAY";
            }
            if (r < 72) {
                return "SAN_CHAY";
            }
            if (r < 78) {
                return "SAN_DIU";
            }
            if (r < 80) {
                return "NUNG";
            }
            return "KINH";
        }
        if (r < 90) {
            return "KINH";
        }
        if (r < 93) {
            return "DAO";
        }
        if (r < 95) {
            return "TAY";
        }
        if (r < 97) {
            return "SAN_DIU";
        }
        if (r < 99) {
            return "SAN_CHAY";
        }
        return "HOA";
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String weighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[0];
    }
}
