package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups messages into templates. Messages are first reduced to shapes by {@link TokenMasker}
 * (one table entry per distinct masked form, bounded by {@code maxShapes}: later new forms join
 * the most similar known shape of their length). {@link #mine()} then groups the shapes of each
 * length with {@link ShapeGrouper}. Memory is bounded by the shape table, whatever the input size.
 */
public final class TemplateMiner {
    private final int maxShapes;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<Integer, SameLength> byLength = new HashMap<>();
    private long order;
    private long approximated;
    private int generalShapes;
    /** The shapes seen lately, by the first token: {@link #WAYS} per slot, the latest first. */
    private static final int RECENT = 1024;
    private static final int WAYS = 4;
    private final Shape[] recent = new Shape[RECENT * WAYS];
    /** Reused for building shape keys (this class is not thread-safe anyway). */
    private final StringBuilder key = new StringBuilder(256);
    private boolean mined;
    /** Whether the message counted last masks to exactly the shape it was counted under (false: the table was full). */
    private boolean exact;

    public TemplateMiner(int maxShapes) {
        this.maxShapes = maxShapes;
    }

    public TemplateMiner() {
        this(100_000);
    }

    /** Counts one message (its first line) and returns its shape. */
    public Shape add(String message) {
        return add(Tokens.of(headline(message)), 1);
    }

    /** Counts {@code weight} messages with these (unmasked) tokens. */
    public Shape add(Tokens tokens, long weight) {
        int slot = slot(tokens.size() == 0 ? 0 : tokens.hash(0));
        for (int w = 0; w < WAYS; w++) {
            Shape hit = recent[slot + w];
            if (hit == null) break;
            if (hit.fits(tokens)) return counted(hit, slot, w, weight);
        }
        return addNew(tokens, slot, weight);
    }

    /**
     * Counts one message, {@code text[from, to)}, and returns its shape, with {@code tokens} made its
     * tokens: a message of a shape seen lately is matched against it in one pass; others are split and masked.
     */
    public Shape add(String text, int from, int to, Tokens tokens) {
        return add(text, null, from, to, tokens);
    }

    /**
     * {@link #add(String, int, int, Tokens)} of a message whose line's bytes {@code bytes} also holds
     * when it is ASCII (null otherwise; see {@link dev.ddx.backend.logs.read.AsciiBytes}): a known
     * shape is then matched on the bytes.
     */
    public Shape add(String text, byte[] bytes, int from, int to, Tokens tokens) {
        int slot = slot(Tokens.firstHash(text, bytes, from, to));
        Shape hit = recentHit(text, bytes, from, to, tokens, slot, 1);
        return hit != null ? hit : addNew(tokens.split(text, from, to), slot, 1);
    }

    /** The shape of the slot's ways that the message masks to, counted {@code weight} times and moved to the front, or null. */
    private Shape recentHit(String text, byte[] bytes, int from, int to, Tokens tokens, int slot, long weight) {
        for (int w = 0; w < WAYS; w++) {
            Shape hit = recent[slot + w];
            if (hit == null) break;
            if (tokens.splitAs(hit, text, bytes, from, to)) return counted(hit, slot, w, weight);
        }
        return null;
    }

    /** Counts a hit in way w of the slot and moves it to the front, where the next message looks first. */
    private Shape counted(Shape hit, int slot, int w, long weight) {
        hit.count += weight;
        exact = true;
        if (w > 0) {
            System.arraycopy(recent, slot, recent, slot + 1, w);
            recent[slot] = hit;
        }
        return hit;
    }

    /** Puts a shape at the front of the slot's ways, the least recent falling out. */
    private void remember(Shape s, int slot) {
        System.arraycopy(recent, slot, recent, slot + 1, WAYS - 1);
        recent[slot] = s;
    }

    private Shape addNew(Tokens tokens, int slot, long weight) {
        String[] masked = new String[tokens.size()];
        key.setLength(0);
        for (int i = 0; i < masked.length; i++) {
            masked[i] = TokenMasker.mask(tokens.get(i));
            if (i > 0) key.append(' ');
            key.append(masked[i]);
        }
        String key = this.key.toString();
        Shape s = shapes.get(key);
        exact = s != null || shapes.size() < maxShapes;
        if (!exact) {
            s = overflow(masked, weight, true); // not remembered in the cache: it does not fit these tokens exactly
        } else {
            if (s == null) s = newShape(masked, key);
            remember(s, slot);
        }
        s.count += weight;
        return s;
    }

    /**
     * The cache slot of a message, by the hash of its first token, so the repeats of a line skip
     * masking and key building; a hit is only taken when the tokens mask to the cached shape exactly.
     */
    private static int slot(int firstTokenHash) {
        int h = firstTokenHash * 0x9E3779B9;
        return ((h ^ (h >>> 16)) & (RECENT - 1)) * WAYS;
    }

    /**
     * Counts a shape another miner saw (reading a chunk of the same input) as if its messages came
     * here next, and returns the shape it is here.
     */
    public Shape adopt(Shape other) {
        Shape s = shapes.get(other.key);
        if (s == null) s = shapes.size() >= maxShapes ? overflow(other.tokens, other.count, true) : newShape(other.tokens.clone(), other.key);
        s.count += other.count;
        return s;
    }

    private Shape newShape(String[] masked, String key) {
        Shape s = new Shape(masked, key, order++);
        shapes.put(key, s);
        ofLength(masked.length).add(s);
        mined = false;
        return s;
    }

    /** How many shapes of a length a new form is compared with when the table is full: the first ones seen. */
    private static final int NEAREST = 256;

    /**
     * Where a message of a new form goes when the table is full. A shape made for such messages
     * before (their differing words as {@code <*>}) takes it when all its other tokens are the
     * message's. Otherwise the nearest known shape of the same length does (most equal tokens among
     * the first {@value #NEAREST} of that length, the earliest of equals), made general: where the
     * two differ, a {@code <*>}. At most a tenth of the table more is made so; after that the nearest
     * shape itself takes the message. A form of a length never seen starts a shape of its own.
     * {@code make}: false to only look (a message's shape after counting).
     */
    private Shape overflow(String[] masked, long weight, boolean make) {
        SameLength same = byLength.get(masked.length);
        if (same == null) return make ? newShape(masked, String.join(" ", masked)) : null;
        if (make) approximated += weight;
        Shape general = same.matchGeneral(masked);
        if (general != null) return general;
        Shape near = same.nearest(masked);
        String[] merged = near.tokens.clone();
        wildcardWhereDiffer(merged, masked);
        String key = String.join(" ", merged);
        Shape s = shapes.get(key);
        if (s != null) return s;
        if (!make || generalShapes >= Math.max(16, maxShapes / 10)) return near;
        s = newShape(merged, key);
        same.addGeneral(s);
        generalShapes++;
        return s;
    }

    /**
     * Whether the message {@link #add} counted last masks to exactly the shape it returned, so that
     * the shape's literal tokens are the message's; false when a full table counted it under another.
     */
    public boolean lastExact() {
        return exact;
    }

    /** Messages counted, since the table filled, under a shape that is not exactly theirs. */
    public long approximated() {
        return approximated;
    }

    /** The table's bound. */
    public int maxShapes() {
        return maxShapes;
    }

    private SameLength ofLength(int length) {
        return byLength.computeIfAbsent(length, k -> new SameLength());
    }

    /**
     * The shapes of one length in the order seen, and for the first {@value #NEAREST} of them, per
     * position, which ones hold each token there: the nearest shape is found by counting only the
     * tokens of a message that some candidates hold and others do not.
     */
    private static final class SameLength {
        final List<Shape> shapes = new ArrayList<>();
        /** Per position: token → the indexes of the candidates that hold it there (ascending). */
        private List<Map<String, int[]>> holders;

        void add(Shape s) {
            int index = shapes.size();
            shapes.add(s);
            if (index >= NEAREST) return;
            if (holders == null) {
                holders = new ArrayList<>(s.tokens.length);
                for (int k = 0; k < s.tokens.length; k++) holders.add(new HashMap<>());
            }
            for (int k = 0; k < s.tokens.length; k++) {
                holders.get(k).merge(s.tokens[k], new int[] {index}, SameLength::append);
            }
        }

        private static int[] append(int[] a, int[] b) {
            int[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        /** Shapes made general when the table was full, and per position their literal tokens' holders. */
        private final List<Shape> general = new ArrayList<>();
        private final List<Map<String, int[]>> generalHolders = new ArrayList<>();
        private int[] literals = new int[8];

        void addGeneral(Shape s) {
            int index = general.size();
            general.add(s);
            if (generalHolders.isEmpty()) for (int k = 0; k < s.tokens.length; k++) generalHolders.add(new HashMap<>());
            if (index == literals.length) literals = Arrays.copyOf(literals, 2 * index);
            for (int k = 0; k < s.tokens.length; k++) {
                if (s.tokens[k].equals(TokenMasker.WILDCARD)) continue;
                literals[index]++;
                generalHolders.get(k).merge(s.tokens[k], new int[] {index}, SameLength::append);
            }
        }

        /** The general shape all of whose other tokens are the message's (the most such tokens, then the earliest), or null. */
        Shape matchGeneral(String[] masked) {
            if (general.isEmpty()) return null;
            int[] equal = new int[general.size()];
            for (int k = 0; k < masked.length; k++) {
                int[] h = generalHolders.get(k).get(masked[k]);
                if (h != null) for (int i : h) equal[i]++;
            }
            int best = -1;
            for (int i = 0; i < equal.length; i++) {
                if (equal[i] == literals[i] && (best < 0 || literals[i] > literals[best])) best = i;
            }
            return best < 0 ? null : general.get(best);
        }

        Shape nearest(String[] masked) {
            int n = Math.min(shapes.size(), NEAREST);
            int[] sim = new int[n];
            for (int k = 0; k < masked.length; k++) {
                int[] h = holders.get(k).get(masked[k]);
                if (h == null || h.length == n) continue; // a token all or none hold adds alike to every candidate
                for (int i : h) sim[i]++;
            }
            int best = 0;
            for (int i = 1; i < n; i++) if (sim[i] > sim[best]) best = i;
            return shapes.get(best);
        }
    }

    /** Groups all shapes seen so far into templates; ids are numbered by first appearance. */
    public List<Template> mine() {
        List<Shape[]> groups = new ArrayList<>();
        for (SameLength same : byLength.values()) groups.addAll(ShapeGrouper.group(same.shapes));
        groups.sort((a, b) -> Long.compare(minOrder(a), minOrder(b)));
        List<Template> out = new ArrayList<>();
        for (Shape[] g : groups) {
            Template t = new Template("T" + (out.size() + 1), Arrays.asList(merged(g)));
            for (Shape s : g) s.template = t;
            out.add(t);
        }
        mined = true;
        return out;
    }

    public boolean mined() {
        return mined;
    }

    public int shapeCount() {
        return shapes.size();
    }

    /**
     * {@link #shapeOf} for the message {@code text[from, to)}, with {@code tokens} made its tokens:
     * a message of a shape seen lately is matched against it in one pass.
     */
    public Shape find(String text, int from, int to, Tokens tokens) {
        int slot = slot(Tokens.firstHash(text, from, to));
        Shape hit = recentHit(text, null, from, to, tokens, slot, 0);
        if (hit != null) return hit;
        Shape s = shapeOf(tokens.split(text, from, to));
        if (s != null && s.fits(tokens)) remember(s, slot);
        return s;
    }

    /** The shape a message has (or would join), without counting it; null when no shape has its length. */
    public Shape shapeOf(Tokens tokens) {
        String[] masked = new String[tokens.size()];
        for (int i = 0; i < masked.length; i++) masked[i] = TokenMasker.mask(tokens.get(i));
        String key = String.join(" ", masked);
        Shape s = shapes.get(key);
        return s != null ? s : overflow(masked, 0, false);
    }

    private static long minOrder(Shape[] g) {
        long m = Long.MAX_VALUE;
        for (Shape s : g) m = Math.min(m, s.order);
        return m;
    }

    private static String[] merged(Shape[] g) {
        String[] t = g[0].tokens.clone();
        for (int i = 1; i < g.length; i++) wildcardWhereDiffer(t, g[i].tokens);
        return t;
    }

    /** Puts a {@code <*>} in {@code tokens} wherever they differ from {@code other} (of the same length). */
    private static void wildcardWhereDiffer(String[] tokens, String[] other) {
        for (int k = 0; k < tokens.length; k++) if (!tokens[k].equals(other[k])) tokens[k] = TokenMasker.WILDCARD;
    }

    /** The first line of a message: folded stack traces are not part of its template. */
    public static String headline(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** All shapes in first-seen order. */
    public List<Shape> shapes() {
        List<Shape> all = new ArrayList<>(shapes.values());
        all.sort((a, b) -> Long.compare(a.order, b.order));
        return all;
    }

    /** Messages per (generalised) token at one position of a group of shapes. */
    static Map<String, Long> counts(List<Shape> group, int position) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Shape s : group) m.merge(TokenMasker.generalize(s.tokens[position]), s.count, Long::sum);
        return m;
    }
}
