package io.watchpost.ui.rules;

/** One of the rule's test cases as shown beside the editor; {@code passed} null = not run since the last edit. */
public record TestCaseRow(String name, Boolean passed, String detail) {

    public String status() {
        return passed == null ? "not run" : passed ? "pass" : "FAIL";
    }
}
