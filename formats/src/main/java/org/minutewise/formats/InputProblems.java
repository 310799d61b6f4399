package org.minutewise.formats;

import java.util.List;

/**
 * Several problems with one input found at once (an 837's claim that lacks the billing NPI, the member id and a
 * line's rendering NPI), so that a user fixes them in one pass: {@link #problems()} each with its own path and
 * detail. As an {@link InputException} it is the first problem's path, and its message names every one, "; " between
 * them.
 */
public final class InputProblems extends InputException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputException> problems;

    public InputProblems(List<InputException> problems) {
        this(flat(problems), true);
    }

    private InputProblems(List<InputException> flat, boolean flattened) {
        super(flat.get(0).path(), detail(flat));
        this.problems = flat;
    }

    /**
     * The problems with any {@link InputProblems} among them replaced by its own (a part of the input checked by a
     * collector of its own, the 837's billing provider): one problem, one entry, each with its own path.
     */
    private static List<InputException> flat(List<InputException> problems) {
        List<InputException> out = new java.util.ArrayList<>(problems.size());
        for (InputException e : problems) {
            if (e instanceof InputProblems many) {
                out.addAll(many.problems());
            } else {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** Each problem, in the order found (at least two), none of them an {@code InputProblems}. */
    public List<InputException> problems() {
        return problems;
    }

    /** The first problem's detail, then each other one's message. */
    private static String detail(List<InputException> problems) {
        StringBuilder sb = new StringBuilder(problems.get(0).detail());
        for (InputException e : problems.subList(1, problems.size())) {
            sb.append("; ").append(e.getMessage());
        }
        return sb.toString();
    }

    /** Each problem located inside {@code prefix}, as {@link InputException#within} locates one. */
    @Override
    public InputProblems within(String prefix) {
        return new InputProblems(problems.stream().map(e -> e.within(prefix)).toList());
    }
}
