package org.lilong.geodata.io;

import java.nio.file.Path;
import java.util.List;

/**
 * An import refused: every problem found (up to {@link LayerImporter#MAX_PROBLEMS_SHOWN}, each
 * "record N: reason" or a whole-file reason), and nothing written.
 */
public class ImportException extends RuntimeException {

    private final Path file;
    private final List<String> problems;
    private final int problemCount;

    public ImportException(Path file, List<String> problems, int problemCount) {
        super(message(file, problems, problemCount));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    public ImportException(Path file, String problem) {
        this(file, List.of(problem), 1);
    }

    private static String message(Path file, List<String> problems, int count) {
        String first = file.getFileName() + ": " + (problems.isEmpty() ? "cannot be imported" : problems.get(0));
        return count <= 1 ? first : first + " (and " + (count - 1) + " more problem" + (count == 2 ? "" : "s") + ")";
    }

    /** The source file. */
    public Path file() {
        return file;
    }

    /** The problems shown, in the order found. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems there were in all, shown or not. */
    public int problemCount() {
        return problemCount;
    }
}
