package vn.cadretraining.reporting.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.shared.faces.ScriptJson;

/**
 * Chart.js configurations (the JSON that {@code includes/chart.xhtml} hands to app.js): only data and options, no
 * functions, so that nothing runs that the Content-Security-Policy would refuse. Colours say the standing and the
 * words say it too (legend, table beside every chart), so nothing depends on colour alone.
 *
 * <p>Labels are names people typed (units, subject groups, titles). The page writes the configuration into an
 * attribute, escaped as any attribute; it still leaves here through {@link ScriptJson#escape}, so that it stays safe
 * wherever a script element would hold it.
 */
final class Charts {

    static final String DONE = "#2e7d32";
    static final String AHEAD = "#1565c0";
    static final String BEHIND = "#d97706";
    static final String FAR = "#b71c1c";
    static final String NONE = "#90a4ae";
    static final String LAST = "#b0bec5";
    static final String PACE = "#37474f";

    /**
     * One factory for every builder: {@code Json.createObjectBuilder()} looks the JSON provider up again at each
     * call (a service-loader search through the class path's jars): a sixth of a counted dashboard's CPU (issue 7).
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private Charts() {
    }

    static String colour(Standing s) {
        return switch (s) {
            case REACHED -> DONE;
            case ON_TRACK -> AHEAD;
            case BEHIND -> BEHIND;
            case FAR_BEHIND -> FAR;
            case NO_TARGET -> NONE;
        };
    }

    /** One dataset: a label, values, colours (one per value, or one for all), and a type when mixed. */
    record Series(String label, List<Double> values, List<String> colours, String type) {
    }

    /**
     * Bars (vertical, or horizontal when {@code horizontal}), with any line series drawn over them; the value
     * axis from 0, with a maximum when given (100 for percentages).
     */
    static String bars(List<String> labels, List<Series> series, boolean horizontal, Double max, String axisTitle) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (Series s : series) {
            JsonObjectBuilder ds = JSON.createObjectBuilder().add("label", s.label());
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Double v : s.values()) {
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(Math.round(v * 10) / 10.0);
                }
            }
            ds.add("data", data);
            if ("points".equals(s.type())) {
                // a target as a short stroke across its bar
                ds.add("type", "line").add("showLine", false).add("pointStyle", "line").add("pointRadius", 14)
                        .add("pointHoverRadius", 14).add("pointBorderWidth", 3).add("borderColor", s.colours().get(0))
                        .add("backgroundColor", s.colours().get(0)).add("order", 0);
            } else if (s.type() != null) {
                ds.add("type", s.type());
                ds.add("borderColor", s.colours().get(0));
                ds.add("backgroundColor", s.colours().get(0));
                ds.add("borderWidth", 2);
                ds.add("pointRadius", "line".equals(s.type()) ? 2 : 3);
                ds.add("fill", false);
                ds.add("order", 0);
            } else {
                if (s.colours().size() == 1) {
                    ds.add("backgroundColor", s.colours().get(0));
                } else {
                    JsonArrayBuilder colours = JSON.createArrayBuilder();
                    s.colours().forEach(colours::add);
                    ds.add("backgroundColor", colours);
                }
                ds.add("order", 1);
            }
            datasets.add(ds);
        }
        JsonArrayBuilder names = JSON.createArrayBuilder();
        labels.forEach(names::add);
        JsonObjectBuilder valueAxis = JSON.createObjectBuilder().add("beginAtZero", true);
        if (max != null) {
            valueAxis.add("suggestedMax", max);
        }
        if (axisTitle != null) {
            valueAxis.add("title", JSON.createObjectBuilder().add("display", true).add("text", axisTitle));
        }
        JsonObjectBuilder categoryAxis = JSON.createObjectBuilder()
                .add("ticks", JSON.createObjectBuilder().add("autoSkip", false));
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("indexAxis", horizontal ? "y" : "x")
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add("scales", JSON.createObjectBuilder()
                        .add(horizontal ? "x" : "y", valueAxis)
                        .add(horizontal ? "y" : "x", categoryAxis));
        return ScriptJson.escape(JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", names).add("datasets", datasets))
                .add("options", options)
                .build().toString());
    }

    /** Lines over the months (cumulative figures), with an optional dashed pace line. */
    static String lines(List<String> labels, List<Series> series, String axisTitle) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Double v : s.values()) {
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(Math.round(v * 10) / 10.0);
                }
            }
            JsonObjectBuilder ds = JSON.createObjectBuilder().add("label", s.label()).add("data", data)
                    .add("borderColor", s.colours().get(0)).add("backgroundColor", s.colours().get(0))
                    .add("fill", false).add("tension", 0.2).add("pointRadius", 3);
            if ("dashed".equals(s.type())) {
                ds.add("borderDash", JSON.createArrayBuilder().add(6).add(4)).add("pointRadius", 0);
            }
            datasets.add(ds);
        }
        JsonArrayBuilder names = JSON.createArrayBuilder();
        labels.forEach(names::add);
        JsonObjectBuilder valueAxis = JSON.createObjectBuilder().add("beginAtZero", true);
        if (axisTitle != null) {
            valueAxis.add("title", JSON.createObjectBuilder().add("display", true).add("text", axisTitle));
        }
        return ScriptJson.escape(JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", names).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("plugins", JSON.createObjectBuilder()
                                .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                        .add("scales", JSON.createObjectBuilder().add("y", valueAxis)))
                .build().toString());
    }
}
