package io.watchpost.source;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into one clear line: what AWS said (its error code and message) or what went wrong locally. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static SourceException explain(String doing, SdkException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            String code = ase.awsErrorDetails().errorCode();
            String message = ase.awsErrorDetails().errorMessage();
            return new SourceException(doing + ": " + code + ": " + (message == null ? "(no message)" : message)
                    + (code != null && code.contains("Throttl") ? " (still throttled after the SDK's retries)" : ""), e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new SourceException(doing + ": no AWS credentials found. Configure them with `aws configure`, "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or --profile NAME.", e);
        }
        return new SourceException(doing + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
