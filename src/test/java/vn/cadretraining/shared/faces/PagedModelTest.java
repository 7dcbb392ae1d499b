package vn.cadretraining.shared.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Rows ticked on other pages of a lazy table come back as rows, not as nothing. */
class PagedModelTest {

    private static PagedModel<Long> model() {
        PagedModel<Long> model = new PagedModel<>(() -> 100L,
                page -> LongStream.range(page.first(), page.first() + page.size()).boxed().toList(), id -> id);
        model.setWrappedData(model.load(0, 25, java.util.Map.of(), java.util.Map.of()));
        return model;
    }

    @Test
    void aRowOfTheLoadedPageIsFoundByItsKey() {
        assertEquals(Long.valueOf(7), model().getRowData("7"));
    }

    @Test
    void aRowTickedOnAnotherPageIsDroppedWithoutAFinderAndKeptWithOne() {
        assertNull(model().getRowData("60"), "not on the page loaded");
        PagedModel<Long> withFinder = model().withRowsElsewhere(k -> k.matches("\\d+") ? Long.valueOf(k) : null);
        assertEquals(Long.valueOf(60), withFinder.getRowData("60"));
        assertNull(withFinder.getRowData("60abc"), "a tampered key stands for nobody");
    }
}
