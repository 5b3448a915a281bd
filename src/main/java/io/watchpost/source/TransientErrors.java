package io.watchpost.source;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Which SDK failures are worth retrying: throttling, 5xx, and the connection failing under us. */
final class TransientErrors {

    private TransientErrors() {
    }

    static boolean isThrottling(SdkException e) {
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            return ase.statusCode() == 429 || (code != null && (code.contains("Throttl") || code.equals("RequestLimitExceeded")
                    || code.equals("TooManyRequestsException")));
        }
        return false;
    }

    static boolean isTransient(SdkException e) {
        if (isThrottling(e)) {
            return true;
        }
        if (e instanceof AwsServiceException ase) {
            return ase.statusCode() >= 500;
        }
        // Connection reset, truncated body, timeouts: the request may succeed on another connection.
        return e instanceof SdkClientException && !String.valueOf(e.getMessage()).contains("credentials");
    }
}
