package vn.cadretraining.reporting.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.service.ReportFormat;
import vn.cadretraining.reporting.service.TargetService;
import vn.cadretraining.reporting.service.TargetService.Cell;
import vn.cadretraining.reporting.service.TargetService.Value;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * Setting a year's targets: the province's and each commune's, by measure group (turns, cadres and briefings;
 * shares of the titles' holders; turns by subject group). The page keeps what was typed across the groups and
 * through a refused save; under each column it adds up the communes and warns when they do not make the
 * province's figure (for shares: the communes' targets weighted by their holders).
 */
@Named
@ViewScoped
public class TargetsView implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String GENERAL = "general";
    public static final String TITLES = "titles";
    public static final String SUBJECTS = "subjects";

    @Inject
    TargetService targets;

    @Inject
    Language language;

    private Integer year;
    private String group = GENERAL;
    private Integer growth = 0;
    private TargetService.Sheet sheet;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Cell, Input> inputs = new HashMap<>();
    private List<ConflictLine> conflicts = List.of();

    /** One cell of the form: what was read (value and version) and what is typed now. */
    public static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Cell cell;
        private Value read;
        private Integer value;

        Input(Cell cell, Value read) {
            this.cell = cell;
            this.read = read;
            this.value = read.value();
        }

        public Integer getValue() {
            return value;
        }

        public void setValue(Integer value) {
            this.value = value;
        }

        public boolean isChanged() {
            return !Objects.equals(read.value(), value);
        }
    }

    /** A unit's row: its inputs by column key. */
    public record Row(AdminUnit unit, boolean province, Map<String, Input> cells) implements Serializable {
        public AdminUnit getUnit() {
            return unit;
        }

        public boolean isProvince() {
            return province;
        }

        public Map<String, Input> getCells() {
            return cells;
        }
    }

    /** A column: a measure and its title or subject group. */
    public record Column(String key, Measure measure, long dimensionId, String label) implements Serializable {
        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public boolean isPercent() {
            return measure.isPercent();
        }
    }

    /** A conflict as the page lists it. */
    public record ConflictLine(Cell cell, String unit, String column, Integer theirs, Integer mine, String by)
            implements Serializable {
        public String getUnit() {
            return unit;
        }

        public String getColumn() {
            return column;
        }

        public Integer getTheirs() {
            return theirs;
        }

        public Integer getMine() {
            return mine;
        }

        public String getBy() {
            return by;
        }
    }

    public void load() {
        if (year == null) {
            year = VietnamTime.today().getYear();
        }
        read();
    }

    private void read() {
        sheet = targets.sheet(year);
        rows.clear();
        inputs.clear();
        List<AdminUnit> units = new ArrayList<>();
        if (sheet.province() != null) {
            units.add(sheet.province());
        }
        units.addAll(sheet.communes());
        for (AdminUnit u : units) {
            Map<String, Input> cells = new LinkedHashMap<>();
            for (Column c : allColumns()) {
                Cell cell = new Cell(u.getId(), c.measure(), c.dimensionId());
                Input input = new Input(cell, sheet.values().getOrDefault(cell, Value.NONE));
                cells.put(c.key(), input);
                inputs.put(cell, input);
            }
            rows.add(new Row(u, u.equals(sheet.province()), cells));
        }
    }

    private List<Column> allColumns() {
        List<Column> all = new ArrayList<>(columnsOf(GENERAL));
        all.addAll(columnsOf(TITLES));
        all.addAll(columnsOf(SUBJECTS));
        return all;
    }

    private List<Column> columnsOf(String g) {
        List<Column> columns = new ArrayList<>();
        switch (g) {
            case TITLES -> {
                for (PositionTitle t : sheet.titles()) {
                    columns.add(new Column("T" + t.getId(), Measure.TITLE_SHARE, t.getId(),
                            t.name(language.getLocale())));
                }
            }
            case SUBJECTS -> {
                for (SubjectGroup s : sheet.groups()) {
                    columns.add(new Column("S" + s.getId(), Measure.SUBJECT_TURNS, s.getId(),
                            s.name(language.getLocale())));
                }
            }
            default -> {
                columns.add(new Column("TURNS", Measure.TURNS, 0, Messages.text("progress.turns")));
                columns.add(new Column("CADRES", Measure.CADRES, 0, Messages.text("progress.cadres")));
                columns.add(new Column("BRIEFINGS", Measure.BRIEFINGS, 0, Messages.text("targets.briefingsPerQuarter")));
                columns.add(new Column("PETITION_SATISFIED", Measure.PETITION_SATISFIED, 0,
                        Messages.text("targets.petitionSatisfied")));
            }
        }
        return columns;
    }

    // ---- actions ----------------------------------------------------------------------------------------

    public void save() {
        List<TargetService.Edit> edits = new ArrayList<>();
        for (Input i : inputs.values()) {
            edits.add(new TargetService.Edit(i.cell, i.read, i.value));
        }
        try {
            int written = targets.save(year, edits);
            conflicts = List.of();
            read();
            Messages.info("targets.saved", written);
        } catch (TargetService.ConflictException e) {
            List<ConflictLine> lines = new ArrayList<>();
            for (TargetService.Conflict c : e.getConflicts()) {
                lines.add(new ConflictLine(c.cell(), unitName(c.cell().unitId()), columnLabel(c.cell()), c.theirs(),
                        c.mine(), c.by()));
            }
            conflicts = lines;
            Messages.error(e);
        } catch (BusinessException e) {
            Messages.error(e);
        }
    }

    /** For the conflicting cells, take the values saved by the other person; keep every other cell typed. */
    public void takeTheirs() {
        Map<Cell, Value> fresh = targets.sheet(year).values();
        for (ConflictLine c : conflicts) {
            Input input = inputs.get(c.cell());
            if (input != null) {
                input.read = fresh.getOrDefault(c.cell(), Value.NONE);
                input.value = input.read.value();
            }
        }
        conflicts = List.of();
        Messages.info("targets.tookTheirs");
    }

    /** For the conflicting cells, keep the values typed here: the next save writes them over the others'. */
    public void keepMine() {
        Map<Cell, Value> fresh = targets.sheet(year).values();
        for (ConflictLine c : conflicts) {
            Input input = inputs.get(c.cell());
            if (input != null) {
                input.read = fresh.getOrDefault(c.cell(), Value.NONE);
            }
        }
        conflicts = List.of();
        Messages.info("targets.keptMine");
    }

    /** Fills the form with last year's targets, raised by the growth typed (shares capped at 100%). */
    public void copyLastYear() {
        int copied = 0;
        for (Map.Entry<Cell, Integer> e : targets.grownFrom(year - 1, growth).entrySet()) {
            Input input = inputs.get(e.getKey());
            if (input != null) {
                input.value = e.getValue();
                copied++;
            }
        }
        if (copied == 0) {
            Messages.warn("targets.copy.none", String.valueOf(year - 1));
        } else {
            Messages.info("targets.copy.done", copied, String.valueOf(year - 1));
        }
    }

    public void go() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath()
                + "/reports/targets.xhtml?year=" + year);
    }

    // ---- the check under each column ----------------------------------------------------------------------

    /** The communes' total under a column (weighted average for shares), or null when nothing is typed. */
    public Double communes(Column c) {
        if (c.measure().isPerUnit()) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (Row r : rows) {
            if (!r.province()) {
                values.add(r.cells().get(c.key()).getValue());
                weights.add(sheet.holders().getOrDefault(c.dimensionId(), Map.of()).getOrDefault(r.unit().getId(), 0L));
            }
        }
        return TargetService.communesTotal(values, weights, c.measure().isPercent());
    }

    /** The communes' figure does not make the province's. */
    public boolean mismatch(Column c) {
        Row province = rows.stream().filter(Row::province).findFirst().orElse(null);
        return province != null && !c.measure().isPerUnit()
                && TargetService.mismatch(province.cells().get(c.key()).getValue(), communes(c), c.measure().isPercent());
    }

    public String communesText(Column c) {
        Double v = communes(c);
        if (v == null) {
            return "—";
        }
        return c.measure().isPercent() ? ReportFormat.percent(v, language.getLocale())
                : ReportFormat.count(v, language.getLocale());
    }

    /** The columns (of every group) whose communes do not make the province's figure, with both figures. */
    public List<String> getMismatches() {
        List<String> list = new ArrayList<>();
        Row province = rows.stream().filter(Row::province).findFirst().orElse(null);
        for (String g : List.of(GENERAL, TITLES, SUBJECTS)) {
            for (Column c : columnsOf(g)) {
                if (mismatch(c)) {
                    Integer p = province.cells().get(c.key()).getValue();
                    String mine = p == null ? "—" : c.measure().isPercent()
                            ? ReportFormat.percent(p.doubleValue(), language.getLocale())
                            : ReportFormat.count(p, language.getLocale());
                    list.add(Messages.text("targets.mismatchLine", c.label(), mine, communesText(c)));
                }
            }
        }
        return list;
    }

    public String getMismatchText() {
        return String.join("; ", getMismatches());
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private String unitName(long id) {
        return rows.stream().filter(r -> r.unit().getId() == id).map(r -> r.unit().getName()).findFirst().orElse("");
    }

    private String columnLabel(Cell cell) {
        return allColumns().stream().filter(c -> c.measure() == cell.measure() && c.dimensionId() == cell.dimensionId())
                .map(Column::label).findFirst().orElse(cell.measure().name());
    }

    public List<Column> getColumns() {
        return columnsOf(group);
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<ConflictLine> getConflicts() {
        return conflicts;
    }

    public long getChangedCount() {
        return inputs.values().stream().filter(Input::isChanged).count();
    }

    public List<Integer> getYears() {
        int now = VietnamTime.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now + 1; y >= now - 5; y--) {
            years.add(y);
        }
        if (year != null && !years.contains(year)) {
            years.add(year);
        }
        return years;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        // List.of(...).contains(null) throws: a request without the field shows the general targets
        this.group = group != null && List.of(GENERAL, TITLES, SUBJECTS).contains(group) ? group : GENERAL;
    }

    public Integer getGrowth() {
        return growth;
    }

    public void setGrowth(Integer growth) {
        this.growth = growth;
    }

    public String getLastYear() {
        return String.valueOf(year - 1);
    }
}
