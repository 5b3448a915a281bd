package io.watchpost.source;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Sources view needs before ingesting: the profiles of ~/.aws/config and ~/.aws/credentials, the log groups
 * of an account (prefix search, every page), and a quick "test connection". No JavaFX; every call blocks briefly,
 * so call it off the UI thread.
 */
public final class AwsAccess {

    /** Short: a view waits on these, and a wrong endpoint must fail in seconds, not minutes. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(5);

    private AwsAccess() {
    }

    /** Profiles from the SDK's default files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured). */
    public static List<AwsProfile> listProfiles() {
        return listProfiles(ProfileFile.defaultProfileFile());
    }

    public static List<AwsProfile> listProfiles(ProfileFile file) {
        List<AwsProfile> out = new ArrayList<>();
        for (Map.Entry<String, Profile> e : file.profiles().entrySet()) {
            Profile p = e.getValue();
            out.add(new AwsProfile(e.getKey(), p.property("region").orElse(null), kind(p)));
        }
        out.sort(java.util.Comparator.comparing(AwsProfile::name));
        return out;
    }

    private static String kind(Profile p) {
        if (p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()) {
            return "sso";
        }
        if (p.property("role_arn").isPresent()) {
            return p.property("web_identity_token_file").isPresent() ? "web identity" : "assume-role";
        }
        if (p.property("credential_process").isPresent()) {
            return "process";
        }
        if (p.property("aws_access_key_id").isPresent()) {
            return "static keys";
        }
        return "other";
    }

    /** Log group names starting with {@code prefix} (null: all), across every DescribeLogGroups page. */
    public static List<String> listLogGroups(AwsSettings settings, String prefix) {
        try (CloudWatchLogsClient client = CloudWatchClients.create(settings)) {
            return listLogGroups(client, prefix);
        }
    }

    static List<String> listLogGroups(CloudWatchLogsClient client, String prefix) {
        List<String> out = new ArrayList<>();
        try {
            for (LogGroup g : client.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(
                    prefix == null || prefix.isEmpty() ? null : prefix)).logGroups()) {
                out.add(g.logGroupName());
            }
        } catch (SdkException e) {
            throw AwsErrors.explain("listing log groups", e);
        }
        return out;
    }

    /**
     * Who the credentials are (STS GetCallerIdentity) and whether CloudWatch Logs answers. Against an endpoint
     * override STS is asked at that endpoint too; one that does not speak STS (the embedded endpoint) gives
     * "STS not available at this endpoint" with {@code logsReachable} telling whether Logs works.
     */
    public static ConnectionTest testConnection(AwsSettings settings) {
        boolean logs = false;
        String logsError = null;
        try (CloudWatchLogsClient client = quickLogsClient(settings)) {
            client.describeLogGroups(r -> r.limit(1));
            logs = true;
        } catch (SdkException e) {
            logsError = AwsErrors.explain("CloudWatch Logs", e).getMessage();
        }
        StsClientBuilder sts = StsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(CloudWatchClients.credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(TEST_TIMEOUT).socketTimeout(TEST_TIMEOUT))
                .overrideConfiguration(quick());
        if (settings.endpoint() != null) {
            sts.endpointOverride(settings.endpoint());
        }
        try (StsClient client = sts.build()) {
            GetCallerIdentityResponse id = client.getCallerIdentity();
            String msg = "account " + id.account() + " as " + id.arn() + (logs ? "" : "; " + logsError);
            return new ConnectionTest(logs, id.account(), id.arn(), logs, msg);
        } catch (SdkException e) {
            if (settings.endpoint() != null && isNotSts(e)) {
                String msg = "STS not available at this endpoint" + (logs ? "; CloudWatch Logs answers" : "; " + logsError);
                return new ConnectionTest(logs, null, null, logs, msg);
            }
            String msg = AwsErrors.explain("STS GetCallerIdentity", e).getMessage();
            return new ConnectionTest(false, null, null, logs, logs ? msg : msg + "; " + logsError);
        }
    }

    /** The embedded endpoint answers a query-protocol STS call with UnknownOperationException or an unparseable reply. */
    private static boolean isNotSts(SdkException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("UnknownOperation") || m.contains("Unable to unmarshall") || m.contains("Status Code: 404")
                || m.contains("InvalidAction") || m.contains("MissingAuthenticationToken") || m.contains("Service: Sts");
    }

    private static CloudWatchLogsClient quickLogsClient(AwsSettings settings) {
        var b = CloudWatchLogsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(CloudWatchClients.credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(TEST_TIMEOUT).socketTimeout(TEST_TIMEOUT))
                .overrideConfiguration(quick());
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        return b.build();
    }

    private static ClientOverrideConfiguration quick() {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(TEST_TIMEOUT.multipliedBy(2)).apiCallAttemptTimeout(TEST_TIMEOUT).build();
    }
}
