package io.watchpost.detect.sigma;

/** A Sigma rule that cannot be imported exactly, and the one reason why: nothing is imported half-right. */
public final class SigmaRefusal extends RuntimeException {
    public SigmaRefusal(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
