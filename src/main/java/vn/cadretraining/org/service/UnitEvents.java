package vn.cadretraining.org.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.cadretraining.org.entity.UnitMerge;

/**
 * What the unit tree tells the features that record things under units, inside the same transaction
 * (synchronous CDI events): the unit feature does not know who keeps records under its units, and those
 * features do not reach into it. An observer that throws rolls the whole change back.
 */
public final class UnitEvents {

    private UnitEvents() {
    }

    /**
     * Units were merged into {@code successorId} from {@code effective}: whatever was current under the sources
     * continues under the successor (positions, rosters, coordinators' scopes).
     */
    public record Merged(List<Long> sourceIds, long successorId, LocalDate effective) {
        public Merged {
            sourceIds = List.copyOf(sourceIds);
        }
    }

    /**
     * Units are about to be merged into {@code targetId} (null: a unit the merge creates), before anything of the
     * merge is changed: the features that count what is under the units read it as it stands.
     */
    public record Merging(List<Long> sourceIds, Long targetId) {
        public Merging {
            sourceIds = List.copyOf(sourceIds);
        }
    }

    /** A subtree moved: every stored path starting with {@code oldPath} now starts with {@code newPath}. */
    public record SubtreeMoved(String oldPath, String newPath) {
    }

    /** Asked before a merge is applied: observers add what the merge would move, for the preview. */
    public static final class MergePreview {
        private final UnitMerge merge;
        private final List<Long> sourceIds;
        private final List<PreviewLine> lines = new ArrayList<>();

        public MergePreview(UnitMerge merge, List<Long> sourceIds) {
            this.merge = merge;
            this.sourceIds = List.copyOf(sourceIds);
        }

        public UnitMerge merge() {
            return merge;
        }

        public List<Long> sourceIds() {
            return sourceIds;
        }

        public void add(PreviewLine line) {
            lines.add(line);
        }

        public List<PreviewLine> lines() {
            return Collections.unmodifiableList(lines);
        }
    }

    /**
     * One line of a merge preview: a bundle key with a count, and the first few items it concerns (already
     * formatted by the feature that owns them, e.g. "Nguyễn Văn Hồi — Trưởng thôn — Thôn 4").
     */
    public record PreviewLine(String key, long count, List<String> examples) implements Serializable {
        public PreviewLine {
            examples = List.copyOf(examples);
        }

        /** For EL 5, which reads properties through getters only. */
        public List<String> getExamples() {
            return examples;
        }
    }

    /** Asked before a unit is closed without a successor: observers add why it cannot be. */
    public static final class Closing {
        private final long unitId;
        private final String unitPath;
        private final LocalDate effective;
        private final List<UnitMerge.Problem> problems = new ArrayList<>();

        public Closing(long unitId, String unitPath, LocalDate effective) {
            this.unitId = unitId;
            this.unitPath = unitPath;
            this.effective = effective;
        }

        public long unitId() {
            return unitId;
        }

        public String unitPath() {
            return unitPath;
        }

        public LocalDate effective() {
            return effective;
        }

        public void refuse(String key, Object... args) {
            problems.add(new UnitMerge.Problem(key, args));
        }

        public List<UnitMerge.Problem> problems() {
            return Collections.unmodifiableList(problems);
        }
    }
}
