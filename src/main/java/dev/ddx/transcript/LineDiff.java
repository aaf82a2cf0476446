package dev.ddx.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff (longest common subsequence) with a little context around each change,
 * each hunk headed by the section it falls in — the nearest line above it that is not indented —
 * so a reader sees "finding 2" or "tool result 3 backtrace" before the changed lines.
 */
final class LineDiff {
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    /** The diff lines ({@code "- "} recorded only, {@code "+ "} replay only, {@code "  "} both); empty when equal. */
    static List<String> diff(List<String> expected, List<String> actual) {
        List<String[]> ops = ops(expected, actual);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0].equals(" ")) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (!ops.get(end)[0].equals(" ")) lastChange = end;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            out.add("@@ " + section(ops, start) + " @@");
            for (int k = start; k < end; k++) out.add(ops.get(k)[0] + " " + ops.get(k)[1]);
            i = end;
        }
        return out;
    }

    private static String section(List<String[]> ops, int at) {
        for (int k = at; k >= 0; k--) {
            String line = ops.get(k)[1];
            if (!line.startsWith(" ") && !ops.get(k)[0].equals("+")) return line;
        }
        return "start";
    }

    private static List<String[]> ops(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new String[] {" ", a.get(i)});
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new String[] {"-", a.get(i++)});
            } else {
                ops.add(new String[] {"+", b.get(j++)});
            }
        }
        while (i < n) ops.add(new String[] {"-", a.get(i++)});
        while (j < m) ops.add(new String[] {"+", b.get(j++)});
        return ops;
    }
}
