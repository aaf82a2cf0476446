package dev.ddx.backend.gdb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DereferenceParserTest {

    @Test
    void everyLevelOfAMultiLevelDereferenceIsProbedInnermostFirst() {
        assertEquals(List.of("a", "a.b2", "a.b2->data", "*a.b2->data", "**a.b2->data", "***a.b2->data",
                        "****a.b2->data", "(****a.b2->data)", "(****a.b2->data).value"),
                DereferenceParser.expressions("    int v = (****a.b2->data).value;"));
    }

    @Test
    void theArgumentsOfACallAreProbedButTheCallIsNot() {
        List<String> e = DereferenceParser.expressions("    size_t width = strlen(name);");
        assertEquals(List.of("name"), e);
    }

    @Test
    void arrayIndexingAndArrowChainsAreSplitAtEveryStep() {
        assertEquals(List.of("tbl", "tbl[i]", "tbl[i]->next", "tbl[i]->next->key"),
                DereferenceParser.expressions("if (tbl[i]->next->key == k) {"));
    }

    @Test
    void aDeclarationStarIsNotADereference() {
        List<String> e = DereferenceParser.expressions("struct sample *p = q->first; // *nothing here");
        assertEquals(List.of("q", "q->first"), e);
    }

    @Test
    void multiplicationIsNotADereference() {
        assertEquals(List.of("s", "s->w"), DereferenceParser.expressions("area = width * s->w;"));
    }

    @Test
    void expressionsWithCallsOrSideEffectsAreNeverProposed() {
        List<String> e = DereferenceParser.expressions("x = next(p)->value + count++ + *get();");
        assertTrue(e.contains("p"));
        assertFalse(e.stream().anyMatch(s -> s.contains("(") || s.contains("++")), e.toString());
    }

    @Test
    void castsKeepTheirOperand() {
        List<String> e = DereferenceParser.expressions("return ((struct node *) cursor)->key;");
        assertTrue(e.contains("cursor"), e.toString());
        assertFalse(e.stream().anyMatch(s -> s.contains("struct")), e.toString());
    }

    @Test
    void returnStarIsADereference() {
        assertEquals(List.of("p", "*p"), DereferenceParser.expressions("return *p;"));
    }

    @Test
    void memberAccessThroughAParenthesisedDereference() {
        assertEquals(List.of("p", "*p", "(*p)", "(*p).x"), DereferenceParser.expressions("y = (*p).x;"));
    }
}
