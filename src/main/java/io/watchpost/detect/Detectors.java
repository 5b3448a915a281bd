package io.watchpost.detect;

/** Builds the detector for a rule's kind. */
final class Detectors {
    private Detectors() {
    }

    static Detector compile(Rule r) {
        RuleLogic l = r.logic();
        if (l instanceof RuleLogic.Match m) {
            return new MatchDetector(r, m);
        }
        if (l instanceof RuleLogic.Threshold t) {
            return new ThresholdDetector(r, t);
        }
        if (l instanceof RuleLogic.Sequence s) {
            return new SequenceDetector(r, s);
        }
        if (l instanceof RuleLogic.NewValue n) {
            return new NewValueDetector(r, n);
        }
        if (l instanceof RuleLogic.Spike s) {
            return new SpikeDetector(r, s);
        }
        throw new IllegalArgumentException("unknown rule kind: " + l);
    }
}
