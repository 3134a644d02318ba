package dev.arena.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Rules;
import org.junit.jupiter.api.Test;

class InterestGridTest {
    private final InterestGrid grid = new InterestGrid(new Rules(1000, 500, 20, 200, 10), 200); // 5 x 3 cells

    @Test
    void cellsAreNumberedRowByRowAndTheEdgeBelongsToTheLastCell() {
        assertThat(grid.cellCount()).isEqualTo(15);
        assertThat(grid.cellOf(0, 0)).isEqualTo(0);
        assertThat(grid.cellOf(199.99, 0)).isEqualTo(0);
        assertThat(grid.cellOf(200, 0)).isEqualTo(1);
        assertThat(grid.cellOf(0, 200)).isEqualTo(5);
        assertThat(grid.cellOf(1000, 500)).isEqualTo(14);
    }

    @Test
    void aPlayerSeesItsCellAndTheEightAroundItClippedAtTheMapEdge() {
        assertThat(grid.view(0)).containsExactly(0, 1, 5, 6);
        assertThat(grid.view(7)).containsExactly(1, 2, 3, 6, 7, 8, 11, 12, 13);
        assertThat(grid.view(14)).containsExactly(8, 9, 13, 14);
        assertThat(grid.view(2)).containsExactly(1, 2, 3, 6, 7, 8);
    }

    @Test
    void viewDistanceZeroIsOneCellForTheWholeMap() {
        InterestGrid all = new InterestGrid(Rules.DEFAULT, 0);
        assertThat(all.cellCount()).isEqualTo(1);
        assertThat(all.cellOf(499, 499)).isZero();
        assertThat(all.view(0)).containsExactly(0);
    }
}
