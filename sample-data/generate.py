#!/usr/bin/env python3
"""Generate the Watchpost demo data set (synthetic CloudWatch Logs events).

Deterministic: every file is produced from fixed seeds, so re-running this
script reproduces byte-identical output.  Python 3.11+, standard library only.

    python3 sample-data/generate.py            # writes next to this script
    python3 sample-data/generate.py --out DIR  # writes somewhere else

Every output line is one CloudWatch Logs event:
    {"logGroup": ..., "logStream": ..., "timestamp": <epoch ms>, "message": ...}

All data is synthetic.  Account ids, access key ids, instance ids, user names
and IP addresses are made up; access key ids carry the AWS documentation
"EXAMPLE" suffix so they can never be mistaken for real credentials.
See README.md for the timeline and the embedded attacks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import uuid

SEED = 20251124
T0 = 1763971200            # 2025-11-24T08:00:00Z
DURATION = 2 * 3600        # two hours
T_END = T0 + DURATION

MAIN = "123456789012"      # production account (main)
DEV = "210987654321"       # development account
SEC = "345678901234"       # security tooling account


def rng_for(name: str) -> random.Random:
    # str seeds are hashed with SHA-512 by random.Random -> stable across runs
    return random.Random(f"{SEED}:{name}")


def at(h: int, m: int, s: float = 0.0) -> float:
    """Absolute epoch seconds for an offset hh:mm:ss from T0."""
    return T0 + h * 3600 + m * 60 + s


def iso_s(t: float) -> str:
    return dt.datetime.fromtimestamp(int(t), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(t: float) -> str:
    m = ms(t)
    d = dt.datetime.fromtimestamp(m // 1000, dt.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (m % 1000)


def ms(t: float) -> int:
    return int(math.floor(t * 1000 + 1e-6))


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def hexs(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def key_id(r: random.Random, prefix: str = "AKIA") -> str:
    # 20 chars like AWS's documented AKIAIOSFODNN7EXAMPLE
    return prefix + "".join(r.choice(B32) for _ in range(9)) + "EXAMPLE"


def principal_id(r: random.Random, prefix: str) -> str:
    return prefix + "".join(r.choice(ALNUM) for _ in range(17))


def event(group: str, stream: str, ts_ms: int, message: str) -> dict:
    return {"logGroup": group, "logStream": stream, "timestamp": ts_ms, "message": message}


def cjson(o) -> str:
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------------------
# Shared environment (used by several log groups so the stories correlate)
# ---------------------------------------------------------------------------
_env = rng_for("env")

INSTANCES = {
    "bastion": {"id": "i-0b7e2d94c1a3f5e68", "host": "ip-10-0-0-10", "ip": "10.0.0.10",
                "eni": "eni-0c4d5e6f708192a3b", "public": "3.88.147.19", "role": "bastion-role"},
    "web1": {"id": "i-0a3f5c7e9b1d24680", "host": "ip-10-0-1-23", "ip": "10.0.1.23",
             "eni": "eni-0d2e3f405162738a9", "public": None, "role": "web-app-role"},
    "web2": {"id": "i-0c81d6f2a4b9e3071", "host": "ip-10-0-1-58", "ip": "10.0.1.58",
             "eni": "eni-0e9f8a7b6c5d4e3f2", "public": None, "role": "web-app-role"},
}
ENI_ALB_A = ("eni-0a1b2c3d4e5f60718", "10.0.0.45")
ENI_ALB_B = ("eni-0b2c3d4e5f6071829", "10.0.10.77")
ENI_NAT = ("eni-0f1e2d3c4b5a69788", "10.0.0.200")
ENI_DB = ("eni-01a2b3c4d5e6f7089", "10.0.3.15")
ENI_IDLE = ("eni-09f8e7d6c5b4a3921", "10.0.2.99")   # detached / idle -> NODATA
NAT_PUBLIC = "54.197.33.120"

# attacker / unusual addresses (synthetic)
IP_SCANNER = "45.155.205.233"
IP_SSH_BRUTE = "185.220.101.47"
IP_STUFFING = ["193.142.146.61", "91.240.118.172", "5.188.206.14"]
IP_COMPROMISED = "146.70.117.23"
IP_EXFIL_DEST = "185.243.115.84"

# benign addresses
OFFICE_IPS = ["38.142.77.10", "38.142.77.11"]
HOME_IPS = {"alice.chen": "24.6.133.87", "bob.martinez": "73.162.48.201",
            "carol.nguyen": "98.207.14.66", "priya.sharma": "71.202.91.140"}
CI_IPS = ["20.102.45.190", "20.62.134.77", "52.179.12.3"]
ONPREM_IP = "64.71.160.42"
S3_IPS = ["52.216.8.43", "52.217.44.90", "3.5.29.121", "52.216.170.11"]

CORP_DNS = "10.0.4.10"
NTP_SERVERS = ["162.159.200.1", "129.6.15.28", "45.79.111.167"]


def public_ip(r: random.Random) -> str:
    first = r.choice([24, 31, 37, 46, 50, 62, 67, 68, 69, 71, 73, 76, 77, 78, 79, 80, 81, 82,
                      84, 86, 88, 89, 90, 92, 94, 95, 97, 98, 99, 104, 107, 108, 109, 112, 115,
                      118, 121, 122, 124, 142, 151, 152, 154, 174, 176, 178, 180, 187, 189, 190,
                      200, 201, 212, 213, 217, 220])
    return f"{first}.{r.randint(1, 254)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


# pool of returning web clients (also used by app logs as X-Forwarded-For)
WEB_CLIENTS = [public_ip(_env) for _ in range(900)]
SCAN_NOISE = [public_ip(_env) for _ in range(400)]


# ---------------------------------------------------------------------------
# CloudTrail
# ---------------------------------------------------------------------------
CT_GROUP = "/aws/cloudtrail/management"

UA_CONSOLE = [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:132.0) Gecko/20100101 Firefox/132.0",
]
UA_ATTACKER_BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
UA_CLI = "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#{cmd}"
UA_CLI_LINUX = "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.11-amd64 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#kali.2024 md/prompt#off md/command#{cmd}"
UA_CLI_BASTION = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.112-122.189.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/{cmd}"
UA_TERRAFORM = ("APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.75.0 "
                "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 "
                "md/GOOS#linux md/GOARCH#amd64 api/{api}")
UA_BOTO_LAMBDA = ("Boto3/1.35.44 md/Botocore#1.35.44 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 "
                  "lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.35.44")
UA_NODE_SDK = "aws-sdk-js/3.687.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/{api}#3.687.0"
UA_JAVA_SDK = "aws-sdk-java/2.29.6 Linux/5.10.227-239.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy"
UA_SSM = "aws-sdk-go/1.55.5 (go1.22.8; linux; amd64) amazon-ssm-agent/3.3.1142.0"
UA_BOTO_ATTACKER = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54"

TLS = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256"}

SERVICE_VERSION = {"s3.amazonaws.com": "1.09", "signin.amazonaws.com": "1.08", "sts.amazonaws.com": "1.08",
                   "iam.amazonaws.com": "1.08", "ec2.amazonaws.com": "1.09", "kms.amazonaws.com": "1.08",
                   "cloudtrail.amazonaws.com": "1.09", "lambda.amazonaws.com": "1.08"}
SERVICE_HOST = {"iam.amazonaws.com": "iam.amazonaws.com", "sts.amazonaws.com": "sts.{r}.amazonaws.com",
                "signin.amazonaws.com": "signin.aws.amazon.com"}


class Principal:
    """A caller identity as it appears in userIdentity."""

    def __init__(self, kind, account, name, r, *, role=None, session=None, mfa=False,
                 access_key=None, issuer_account=None, ec2=False):
        self.kind = kind
        self.account = account
        self.name = name
        self.mfa = mfa
        self.role = role
        self.session = session
        self.ec2 = ec2
        self.access_key = access_key or key_id(r, "AKIA" if kind == "IAMUser" else "ASIA")
        if kind == "IAMUser":
            self.pid = principal_id(r, "AIDA")
            self.arn = f"arn:aws:iam::{account}:user/{name}"
        elif kind == "AssumedRole":
            self.role_pid = principal_id(r, "AROA")
            self.pid = f"{self.role_pid}:{session}"
            self.arn = f"arn:aws:sts::{account}:assumed-role/{role}/{session}"
            self.role_arn = f"arn:aws:iam::{account}:role/{role}"
        elif kind == "Root":
            self.pid = account
            self.arn = f"arn:aws:iam::{account}:root"
        self.created = None

    def identity(self, t, *, console=False, temp_key=None, with_key=True):
        if self.kind == "AWSService":
            return {"type": "AWSService", "invokedBy": self.name}
        u = {"type": self.kind, "principalId": self.pid, "arn": self.arn, "accountId": self.account}
        if with_key:
            u["accessKeyId"] = temp_key or self.access_key
        if self.kind == "IAMUser":
            u["userName"] = self.name
        if self.kind == "AssumedRole":
            ctx = {"sessionIssuer": {"type": "Role", "principalId": self.role_pid, "arn": self.role_arn,
                                     "accountId": self.account, "userName": self.role},
                   "attributes": {"creationDate": iso_s(self.created or t - 900), "mfaAuthenticated": "false"}}
            if self.ec2:
                ctx["ec2RoleDelivery"] = "2.0"
            u["sessionContext"] = ctx
        elif console or self.kind == "Root":
            u["sessionContext"] = {"sessionIssuer": {}, "webIdFederationData": {},
                                   "attributes": {"creationDate": iso_s(self.created or t),
                                                  "mfaAuthenticated": "true" if self.mfa else "false"}}
        return u


def s3_req_id(r):
    return "".join(r.choice("0123456789ABCDEF") for _ in range(16))


def xamzid2(r):
    raw = bytes(r.getrandbits(8) for _ in range(56))
    import base64
    return base64.b64encode(raw).decode()


class CloudTrail:
    def __init__(self):
        self.r = rng_for("cloudtrail")
        self.events = []   # (t, stream, message)

    def add(self, t, who: Principal, source, name, region, ip, ua, req=None, resp=None, *,
            error=None, read_only=True, console=False, temp_key=None, resources=None, extra=None,
            event_type="AwsApiCall", category="Management", account=None, tls=True, vpce=None,
            shared=False, with_key=True, request_id=None):
        r = self.r
        t = int(t)
        rec = {"eventVersion": SERVICE_VERSION.get(source, "1.09"),
               "userIdentity": who.identity(t, console=console, temp_key=temp_key, with_key=with_key),
               "eventTime": iso_s(t), "eventSource": source, "eventName": name, "awsRegion": region,
               "sourceIPAddress": ip, "userAgent": ua}
        if error:
            rec["errorCode"], rec["errorMessage"] = error
        rec["requestParameters"] = req
        rec["responseElements"] = resp
        if extra is not None:
            rec["additionalEventData"] = extra
        if event_type == "AwsApiCall":
            rec["requestID"] = request_id or (s3_req_id(r) if source == "s3.amazonaws.com" else uid(r))
        rec["eventID"] = uid(r)
        rec["readOnly"] = read_only
        if resources:
            rec["resources"] = resources
        rec["eventType"] = event_type
        rec["managementEvent"] = category == "Management"
        acct = account or (who.account if who.kind != "AWSService" else MAIN)
        rec["recipientAccountId"] = acct
        if shared:
            rec["sharedEventID"] = uid(r)
        if vpce:
            rec["vpcEndpointId"] = vpce
            rec["vpcEndpointAccountId"] = acct
        rec["eventCategory"] = category
        if tls and who.kind != "AWSService" and not ip.endswith("amazonaws.com") and ip != "AWS Internal":
            host = SERVICE_HOST.get(source, "{svc}.{r}.amazonaws.com").format(svc=source.split(".")[0], r=region)
            if source == "s3.amazonaws.com" and req and "bucketName" in req:
                host = f"{req['bucketName']}.s3.{region}.amazonaws.com"
            rec["tlsDetails"] = dict(TLS, clientProvidedHostHeader=host)
        if console and who.kind != "AWSService":
            rec["sessionCredentialFromConsole"] = "true"
        stream = f"{acct}_CloudTrail_{region}"
        self.events.append((t, stream, cjson(rec)))
        return rec

    # -- helpers for common shapes ------------------------------------------------
    def console_login(self, t, who: Principal, ip, ua, *, success=True, mfa=None, hidden=False,
                      account=MAIN, error_msg="Failed authentication"):
        r = self.r
        mfa = who.mfa if mfa is None else mfa
        if hidden:
            ident = {"type": "IAMUser", "accountId": account, "accessKeyId": "",
                     "userName": "HIDDEN_DUE_TO_SECURITY_REASONS"}
        elif who.kind == "Root":
            ident = {"type": "Root", "principalId": who.pid, "arn": who.arn, "accountId": who.account,
                     "accessKeyId": ""}
        else:
            ident = {"type": "IAMUser", "principalId": who.pid, "arn": who.arn, "accountId": who.account,
                     "accessKeyId": "", "userName": who.name}
        rec = {"eventVersion": "1.08", "userIdentity": ident, "eventTime": iso_s(t),
               "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "awsRegion": "us-east-1",
               "sourceIPAddress": ip, "userAgent": ua}
        if not success:
            rec["errorMessage"] = error_msg
        rec["requestParameters"] = None
        rec["responseElements"] = {"ConsoleLogin": "Success" if success else "Failure"}
        extra = {"LoginTo": "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_" + hexs(r, 16),
                 "MobileVersion": "No", "MFAUsed": "Yes" if (success and mfa) else "No"}
        if success and mfa and who.kind != "Root":
            extra["MFAIdentifier"] = f"arn:aws:iam::{who.account}:mfa/{who.name}"
        elif success and mfa:
            extra["MFAIdentifier"] = f"arn:aws:iam::{who.account}:mfa/root-account-mfa-device"
        rec["additionalEventData"] = extra
        rec["eventID"] = uid(r)
        rec["readOnly"] = False
        rec["eventType"] = "AwsConsoleSignIn"
        rec["managementEvent"] = True
        rec["recipientAccountId"] = account
        rec["eventCategory"] = "Management"
        rec["tlsDetails"] = dict(TLS, clientProvidedHostHeader="signin.aws.amazon.com")
        self.events.append((int(t), f"{account}_CloudTrail_us-east-1", cjson(rec)))
        if success:
            who.created = int(t)

    def service_assume_role(self, t, service, account, role, session, role_pid):
        r = self.r
        svc = Principal("AWSService", account, service, r)
        exp = dt.datetime.fromtimestamp(int(t) + 43200 if service == "ec2.amazonaws.com" else int(t) + 3600 * 12,
                                        dt.timezone.utc)
        exp_s = exp.strftime("%b %-d, %Y, %-I:%M:%S %p")
        role_arn = f"arn:aws:iam::{account}:role/{role}"
        resp = {"credentials": {"accessKeyId": key_id(r, "ASIA"),
                                "sessionToken": "IQoJb3JpZ2luX2VjE" + "".join(r.choice(ALNUM) for _ in range(40)) + "EXAMPLE",
                                "expiration": exp_s},
                "assumedRoleUser": {"assumedRoleId": f"{role_pid}:{session}",
                                    "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{session}"}}
        req = {"roleArn": role_arn, "roleSessionName": session}
        if service == "ec2.amazonaws.com":
            req["durationSeconds"] = 43200
        self.add(t, svc, "sts.amazonaws.com", "AssumeRole", "us-east-1", service, service, req, resp,
                 resources=[{"accountId": account, "type": "AWS::IAM::Role", "ARN": role_arn}],
                 account=account, shared=True)


# Read-only API catalog: (source, name, request-parameter builder)
def _rp_none(r):
    return None


READ_CALLS = [
    ("ec2.amazonaws.com", "DescribeInstances", lambda r: {"instancesSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", lambda r: {"securityGroupSet": {}, "securityGroupIdSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeVpcs", lambda r: {"vpcSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeSubnets", lambda r: {"subnetSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeVolumes", lambda r: {"volumeSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeNetworkInterfaces", lambda r: {"networkInterfaceIdSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeRouteTables", lambda r: {"routeTableIdSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeInstanceStatus", lambda r: {"instancesSet": {}, "filterSet": {}, "includeAllInstances": False}),
    ("iam.amazonaws.com", "ListUsers", _rp_none),
    ("iam.amazonaws.com", "ListRoles", _rp_none),
    ("iam.amazonaws.com", "GetRole", lambda r: {"roleName": r.choice(["web-app-role", "payments-api-role", "data-pipeline-role", "bastion-role"])}),
    ("iam.amazonaws.com", "ListAttachedRolePolicies", lambda r: {"roleName": r.choice(["web-app-role", "payments-api-role", "data-pipeline-role"])}),
    ("iam.amazonaws.com", "GetAccountSummary", _rp_none),
    ("iam.amazonaws.com", "ListPolicies", lambda r: {"scope": "Local", "onlyAttached": False, "policyUsageFilter": "PermissionsPolicy"}),
    ("s3.amazonaws.com", "ListBuckets", lambda r: {"Host": "s3.amazonaws.com"}),
    ("s3.amazonaws.com", "GetBucketPolicy", lambda r: {"bucketName": r.choice(S3_BUCKETS), "Host": "s3.amazonaws.com", "policy": ""}),
    ("s3.amazonaws.com", "GetBucketEncryption", lambda r: {"bucketName": r.choice(S3_BUCKETS), "Host": "s3.amazonaws.com", "encryption": ""}),
    ("s3.amazonaws.com", "GetBucketPublicAccessBlock", lambda r: {"bucketName": r.choice(S3_BUCKETS), "Host": "s3.amazonaws.com", "publicAccessBlock": ""}),
    ("lambda.amazonaws.com", "ListFunctions20150331", _rp_none),
    ("lambda.amazonaws.com", "GetFunction20150331v2", lambda r: {"functionName": "payments-api"}),
    ("logs.amazonaws.com", "DescribeLogGroups", lambda r: {"limit": 50}),
    ("logs.amazonaws.com", "DescribeLogStreams", lambda r: {"logGroupName": r.choice(["/aws/lambda/payments-api", "/app/orders-service"]), "orderBy": "LastEventTime", "descending": True}),
    ("cloudtrail.amazonaws.com", "DescribeTrails", lambda r: {"trailNameList": [], "includeShadowTrails": True}),
    ("cloudtrail.amazonaws.com", "GetTrailStatus", lambda r: {"name": "management-events"}),
    ("rds.amazonaws.com", "DescribeDBInstances", _rp_none),
    ("elasticloadbalancing.amazonaws.com", "DescribeTargetHealth", lambda r: {"targetGroupArn": f"arn:aws:elasticloadbalancing:us-east-1:{MAIN}:targetgroup/orders-web/6d0ecf831eec9f09"}),
    ("elasticloadbalancing.amazonaws.com", "DescribeLoadBalancers", lambda r: {"pageSize": 400}),
    ("monitoring.amazonaws.com", "DescribeAlarms", lambda r: {"maxRecords": 100}),
    ("kms.amazonaws.com", "ListAliases", lambda r: {"limit": 100}),
    ("ecs.amazonaws.com", "DescribeServices", lambda r: {"cluster": "prod", "services": ["orders-service"]}),
]
S3_BUCKETS = ["acme-prod-customer-exports", "acme-prod-static-assets", "acme-prod-app-logs",
              "acme-data-lake-raw", "acme-terraform-state"]
REGIONS_READ = ["us-east-1"] * 6 + ["us-west-2"] * 2 + ["eu-west-1"]
GLOBAL_SOURCES = {"iam.amazonaws.com", "s3.amazonaws.com"}


def read_call(ct: CloudTrail, t, who, ip, ua, *, console=False, temp_key=None, region=None, account=None,
              filt=None):
    r = ct.r
    calls = READ_CALLS if filt is None else [c for c in READ_CALLS if c[0] in filt]
    src, name, rp = r.choice(calls)
    reg = "us-east-1" if src in GLOBAL_SOURCES else (region or r.choice(REGIONS_READ))
    ua_v = ua.replace("{cmd}", src.split(".")[0] + "." + name.lower()).replace("{api}", src.split(".")[0])
    ct.add(t, who, src, name, reg, ip, ua_v, rp(r), None, console=console, temp_key=temp_key, account=account)


def gen_cloudtrail():
    ct = CloudTrail()
    r = ct.r
    P = {}
    # --- principals ------------------------------------------------------------
    P["alice"] = Principal("IAMUser", MAIN, "alice.chen", r, mfa=True)
    P["bob"] = Principal("IAMUser", MAIN, "bob.martinez", r, mfa=True)
    P["carol"] = Principal("IAMUser", MAIN, "carol.nguyen", r, mfa=False)
    P["priya"] = Principal("IAMUser", MAIN, "priya.sharma", r, mfa=True)
    P["tf"] = Principal("IAMUser", MAIN, "terraform-ci", r)
    P["backup"] = Principal("IAMUser", MAIN, "svc-backup", r)
    P["root"] = Principal("Root", MAIN, "root", r)
    role_sessions = {}

    def role(key, acct, rname, session, ec2=False):
        p = Principal("AssumedRole", acct, None, r, role=rname, session=session, ec2=ec2)
        p.created = T0 - r.randint(600, 20000)
        role_sessions[key] = p
        return p

    # share one role principal id per role name
    role_pids = {}

    def fix_pid(p):
        if p.role_arn in role_pids:
            p.role_pid = role_pids[p.role_arn]
            p.pid = f"{p.role_pid}:{p.session}"
        else:
            role_pids[p.role_arn] = p.role_pid
        return p

    lam = fix_pid(role("lambda", MAIN, "payments-api-role", "payments-api"))
    web1 = fix_pid(role("web1", MAIN, "web-app-role", INSTANCES["web1"]["id"], ec2=True))
    web2 = fix_pid(role("web2", MAIN, "web-app-role", INSTANCES["web2"]["id"], ec2=True))
    bast = fix_pid(role("bastion", MAIN, "bastion-role", INSTANCES["bastion"]["id"], ec2=True))
    pipe = fix_pid(role("pipeline", MAIN, "data-pipeline-role", "etl-" + hexs(r, 8)))
    ecs = fix_pid(role("ecs", MAIN, "orders-service-task-role", hexs(r, 32)))
    config = fix_pid(role("config", MAIN, "AWSServiceRoleForConfig", "AWSConfig-Describe"))
    audit = fix_pid(role("audit", MAIN, "SecurityAudit", "watchpost-scanner"))
    audit.role_arn = f"arn:aws:iam::{MAIN}:role/SecurityAudit"
    dev_admin = fix_pid(role("devsso", DEV, "AWSReservedSSO_DeveloperAccess_3f1c2b9a8d7e6f50", "bob.martinez@acme.example"))
    dev_lambda = fix_pid(role("devlambda", DEV, "payments-api-dev-role", "payments-api-dev"))

    ec2_ip = {"web1": NAT_PUBLIC, "web2": NAT_PUBLIC, "bastion": INSTANCES["bastion"]["public"]}

    def poisson_times(rate_per_min, start=T0, end=T_END):
        t = start
        out = []
        while True:
            t += r.expovariate(rate_per_min / 60.0)
            if t >= end:
                return out
            out.append(t)

    # --- service AssumeRole -------------------------------------------------------
    for t in poisson_times(0.25):
        ct.service_assume_role(t, "lambda.amazonaws.com", MAIN, "payments-api-role", "payments-api", lam.role_pid)
    for t in poisson_times(0.12):
        ct.service_assume_role(t, "ecs-tasks.amazonaws.com", MAIN, "orders-service-task-role", hexs(r, 32), ecs.role_pid)
    for key in ("web1", "web2", "bastion"):
        p = role_sessions[key]
        for t in (at(0, r.randint(5, 55), r.random() * 60), at(1, r.randint(5, 55), r.random() * 60)):
            ct.service_assume_role(t, "ec2.amazonaws.com", MAIN, p.role, p.session, p.role_pid)
    for t in poisson_times(0.05):
        ct.service_assume_role(t, "lambda.amazonaws.com", DEV, "payments-api-dev-role", "payments-api-dev", dev_lambda.role_pid)

    # --- AWS Config sweeps (bursts of Describe*) ------------------------------------
    for sweep in range(0, 120, 15):
        base = at(0, sweep, r.randint(0, 200))
        for i in range(r.randint(45, 70)):
            read_call(ct, base + i * r.uniform(0.2, 2.0), config, "config.amazonaws.com", "config.amazonaws.com",
                      filt={"ec2.amazonaws.com", "iam.amazonaws.com", "s3.amazonaws.com", "rds.amazonaws.com",
                            "lambda.amazonaws.com", "kms.amazonaws.com", "elasticloadbalancing.amazonaws.com"})

    # --- security scanner role from security account (hourly) -------------------------
    for h in (0, 1):
        base = at(h, 30, 5)
        for i in range(r.randint(60, 80)):
            read_call(ct, base + i * r.uniform(0.3, 1.5), audit, "34.229.71.12", UA_BOTO_LAMBDA)

    # --- SSM agents on instances -------------------------------------------------
    for key in ("web1", "web2", "bastion"):
        p = role_sessions[key]
        off = r.uniform(0, 300)
        t = T0 + off
        while t < T_END:
            ct.add(t, p, "ssm.amazonaws.com", "UpdateInstanceInformation", "us-east-1", ec2_ip[key], UA_SSM,
                   {"instanceId": INSTANCES[key]["id"], "agentVersion": "3.3.1142.0", "agentStatus": "Active",
                    "platformType": "Linux", "platformName": "Amazon Linux", "platformVersion": "2023",
                    "iPAddress": INSTANCES[key]["ip"], "computerName": INSTANCES[key]["host"] + ".ec2.internal",
                    "agentName": "amazon-ssm-agent", "availabilityZone": "us-east-1a",
                    "availabilityZoneId": "use1-az4"}, None, read_only=False)
            t += 300 + r.uniform(-3, 3)

    # --- Lambda function role: secrets + KMS -------------------------------------
    for t in poisson_times(1.2):
        if r.random() < 0.55:
            ct.add(t, lam, "secretsmanager.amazonaws.com", "GetSecretValue", "us-east-1", "44.202.118.31",
                   UA_NODE_SDK.replace("{api}", "secrets-manager"), {"secretId": "prod/payments/processor-api-key"},
                   None)
        else:
            ct.add(t, lam, "kms.amazonaws.com", "Decrypt", "us-east-1", "44.202.118.31",
                   UA_NODE_SDK.replace("{api}", "kms"),
                   {"encryptionAlgorithm": "SYMMETRIC_DEFAULT",
                    "encryptionContext": {"aws:lambda:FunctionArn": f"arn:aws:lambda:us-east-1:{MAIN}:function:payments-api"}},
                   None, resources=[{"accountId": MAIN, "type": "AWS::KMS::Key",
                                     "ARN": f"arn:aws:kms:us-east-1:{MAIN}:key/0f1b9c2e-5a7d-4e3b-9c61-8a2f4d7e1b35"}])

    # --- orders-service task role invokes Lambda (data events) + KMS ------------------
    fn_arn = f"arn:aws:lambda:us-east-1:{MAIN}:function:payments-api"
    for t in poisson_times(3.0):
        ct.add(t, ecs, "lambda.amazonaws.com", "Invoke", "us-east-1", "10.0.5." + str(r.choice([21, 87, 140])),
               UA_JAVA_SDK, {"functionName": fn_arn, "invocationType": "RequestResponse"}, None,
               read_only=False, category="Data",
               extra={"functionVersion": fn_arn + ":$LATEST"},
               resources=[{"accountId": MAIN, "type": "AWS::Lambda::Function", "ARN": fn_arn}],
               vpce="vpce-0a7c3e9d1b5f24680")

    # --- data pipeline: S3 data events via gateway endpoint -------------------------
    def s3_obj(t, who, op, bucket, key, ip, ua, vpce=None, size=None, error=None):
        req = {"bucketName": bucket, "Host": f"{bucket}.s3.us-east-1.amazonaws.com", "key": key}
        if op == "PutObject":
            req["x-amz-server-side-encryption"] = "aws:kms"
        size = size if size is not None else r.randint(2_000, 9_000_000)
        extra = {"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256",
                 "bytesTransferredIn": size if op == "PutObject" else 0,
                 "SSEApplied": "SSE_KMS", "AuthenticationMethod": "AuthHeader", "x-amz-id-2": xamzid2(r),
                 "bytesTransferredOut": size if op == "GetObject" else 0}
        resp = None
        if op == "PutObject":
            resp = {"x-amz-server-side-encryption-aws-kms-key-id": f"arn:aws:kms:us-east-1:{MAIN}:key/0f1b9c2e-5a7d-4e3b-9c61-8a2f4d7e1b35",
                    "x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-bucket-key-enabled": True}
        ct.add(t, who, "s3.amazonaws.com", op, "us-east-1", ip, ua, req, resp, error=error,
               read_only=(op == "GetObject"), category="Data", extra=extra, vpce=vpce,
               resources=[{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{bucket}/{key}"},
                          {"accountId": MAIN, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"}])

    pipe_ua = "aws-sdk-java/2.29.6 Linux/5.10.227-239.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/legacy"
    for t in poisson_times(3.5):
        d = dt.datetime.fromtimestamp(int(t), dt.timezone.utc)
        if r.random() < 0.5:
            key = f"raw/orders/dt={d:%Y-%m-%d}/hr={d:%H}/part-{r.randint(0, 4095):05d}-{hexs(r, 8)}.snappy.parquet"
            s3_obj(t, pipe, "PutObject", "acme-data-lake-raw", key, "10.0.2." + str(r.choice([31, 44, 52])), pipe_ua,
                   vpce="vpce-03b1f5e7c9d2a4680")
        else:
            key = f"exports/{d:%Y/%m/%d}/customers-{r.randint(1, 40):03d}.csv.gz"
            s3_obj(t, pipe, "GetObject", "acme-prod-customer-exports", key, "10.0.2." + str(r.choice([31, 44, 52])),
                   pipe_ua, vpce="vpce-03b1f5e7c9d2a4680")
    for t in poisson_times(1.0):
        key = f"static/js/app.{hexs(r, 8)}.js"
        s3_obj(t, web1 if r.random() < 0.5 else web2, "GetObject", "acme-prod-static-assets", key, NAT_PUBLIC,
               UA_BOTO_LAMBDA.replace("exec-env/AWS_Lambda_python3.12 ", ""), size=r.randint(20_000, 400_000))

    # --- svc-backup from on-prem (hourly sync) --------------------------------------
    for h in (0, 1):
        base = at(h, 5, r.randint(0, 50))
        for i in range(r.randint(40, 60)):
            key = f"backups/onprem/fileserver01/2025-11-24T{8 + h:02d}00/vol-{i:04d}.tar.zst"
            s3_obj(base + i * r.uniform(1.5, 4.0), P["backup"], "PutObject", "acme-prod-app-logs", key, ONPREM_IP,
                   UA_CLI_BASTION.replace("{cmd}", "s3.sync").replace("Linux/6.1.112-122.189.amzn2023.x86_64 exe/x86_64.amzn.2023", "Linux/5.15.0-126-generic exe/x86_64.ubuntu.22"),
                   size=r.randint(50_000_000, 100_000_000))

    # --- terraform-ci runs (plans = lots of reads, one apply with writes) --------------
    for start in (at(0, 9, 12), at(0, 58, 40), at(1, 47, 3)):
        ip = r.choice(CI_IPS)
        for i in range(r.randint(70, 110)):
            read_call(ct, start + i * r.uniform(0.1, 0.9), P["tf"], ip, UA_TERRAFORM)
    # benign security-group change (internal CIDR) -> negative example for the detection
    t = at(0, 59, 55)
    sg = "sg-0a9b8c7d6e5f40312"
    ct.add(t, P["tf"], "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "us-east-1", CI_IPS[0],
           UA_TERRAFORM.replace("{api}", "ec2#1.187.0"),
           {"groupId": sg, "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432, "groups": {},
                                                        "ipRanges": {"items": [{"cidrIp": "10.0.1.0/24", "description": "web tier"}]},
                                                        "ipv6Ranges": {}, "prefixListIds": {}}]}},
           {"requestId": uid(r), "_return": True,
            "securityGroupRuleSet": {"items": [{"groupOwnerId": MAIN, "groupId": sg, "securityGroupRuleId": "sgr-0" + hexs(r, 16),
                                                "isEgress": False, "ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432,
                                                "cidrIpv4": "10.0.1.0/24", "description": "web tier"}]}},
           read_only=False)
    ct.add(at(1, 0, 20), P["tf"], "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "us-east-1", CI_IPS[0],
           UA_TERRAFORM.replace("{api}", "lambda#1.64.2"),
           {"functionName": "payments-api", "publish": False, "dryRun": False},
           {"functionName": "payments-api", "functionArn": fn_arn, "runtime": "nodejs20.x",
            "role": f"arn:aws:iam::{MAIN}:role/payments-api-role", "handler": "index.handler", "codeSize": 1843302,
            "description": "", "timeout": 3, "memorySize": 512, "lastModified": iso_s(at(1, 0, 20)).replace("Z", ".000+0000"),
            "codeSha256": "nQ0s9Pz7Jw8l2yXh3mKc1VbF6tRgE4uA5dYiO0pLqWs=", "version": "$LATEST",
            "tracingConfig": {"mode": "PassThrough"}, "revisionId": uid(r), "state": "Active",
            "lastUpdateStatus": "InProgress", "packageType": "Zip", "architectures": ["arm64"]},
           read_only=False)

    # --- human console sessions --------------------------------------------------------
    def console_session(who, start, length_min, ip, ua, rate, account=MAIN, as_role=None):
        if as_role is None:
            ct.console_login(start, who, ip, ua)
        temp = key_id(r, "ASIA")
        for t in poisson_times(rate, start + 5, min(start + length_min * 60, T_END)):
            read_call(ct, t, as_role or who, ip, ua, console=True, temp_key=temp, account=account)

    console_session(P["alice"], at(0, 3, 41), 70, OFFICE_IPS[0], UA_CONSOLE[0], 2.2)
    console_session(P["priya"], at(0, 16, 8), 40, OFFICE_IPS[1], UA_CONSOLE[1], 1.6)
    # bob mistypes his password once, then succeeds (benign failure)
    ct.console_login(at(0, 44, 2), P["bob"], HOME_IPS["bob.martinez"], UA_CONSOLE[2], success=False)
    console_session(P["bob"], at(0, 44, 31), 35, HOME_IPS["bob.martinez"], UA_CONSOLE[2], 1.4)
    # carol normally works from home, no MFA device (hygiene gap)
    console_session(P["carol"], at(0, 6, 15), 25, HOME_IPS["carol.nguyen"], UA_CONSOLE[0], 1.2)
    console_session(P["alice"], at(1, 25, 10), 30, HOME_IPS["alice.chen"], UA_CONSOLE[0], 1.8)
    # developer in the dev account via IAM Identity Center
    dev_admin.created = at(0, 30, 0)
    console_session(None, at(0, 30, 12), 80, HOME_IPS["bob.martinez"], UA_CONSOLE[2], 1.5, account=DEV, as_role=dev_admin)
    # CLI usage
    for t in poisson_times(0.6, at(0, 10), at(1, 50)):
        read_call(ct, t, P["priya"], OFFICE_IPS[1], UA_CLI)

    # sporadic benign errors
    for t in poisson_times(0.15):
        who = r.choice([P["priya"], P["tf"], web1])
        ct.add(t, who, "iam.amazonaws.com", "GetRole", "us-east-1", OFFICE_IPS[1] if who is P["priya"] else CI_IPS[1],
               UA_CLI.replace("{cmd}", "iam.get-role"), {"roleName": "legacy-reporting-role"}, None,
               error=("NoSuchEntityException", "The role with name legacy-reporting-role cannot be found."))

    # ================================================================================
    # ATTACKS
    # ================================================================================
    # A2: console credential stuffing 00:20:00-00:27:30 from three IPs
    names = [("alice.chen", P["alice"]), ("bob.martinez", P["bob"]), ("carol.nguyen", P["carol"]),
             ("priya.sharma", P["priya"]), ("admin", None), ("administrator", None), ("devops", None),
             ("john.smith", None), ("finance", None)]
    t = at(0, 20, 0)
    stuff_uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                 "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"]
    n = 0
    while t < at(0, 27, 30):
        ip = IP_STUFFING[n % 3]
        nm, who = names[r.randrange(len(names))]
        if who is None:
            ct.console_login(t, Principal("IAMUser", MAIN, nm, r), ip, stuff_uas[n % 2], success=False, hidden=True)
        else:
            ct.console_login(t, who, ip, stuff_uas[n % 2], success=False)
        n += 1
        t += r.uniform(2.0, 12.0)

    # A4: stolen bastion instance-role credentials used from the SSH attacker's IP
    #     00:44:00-00:46:30 -> burst of AccessDenied / Client.UnauthorizedOperation
    t = at(0, 44, 0, )
    ct.add(t, bast, "sts.amazonaws.com", "GetCallerIdentity", "us-east-1", IP_SSH_BRUTE,
           UA_CLI_LINUX.replace("{cmd}", "sts.get-caller-identity"), None, None)
    t += 4
    arn = bast.arn
    probes = [
        ("iam.amazonaws.com", "ListUsers", None, "us-east-1", ("AccessDenied", f"User: {arn} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::{MAIN}:user/ because no identity-based policy allows the iam:ListUsers action")),
        ("iam.amazonaws.com", "ListRoles", None, "us-east-1", ("AccessDenied", f"User: {arn} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::{MAIN}:role/ because no identity-based policy allows the iam:ListRoles action")),
        ("iam.amazonaws.com", "GetAccountAuthorizationDetails", None, "us-east-1", ("AccessDenied", f"User: {arn} is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: * because no identity-based policy allows the iam:GetAccountAuthorizationDetails action")),
        ("s3.amazonaws.com", "ListBuckets", {"Host": "s3.amazonaws.com"}, "us-east-1", ("AccessDenied", "Access Denied")),
        ("secretsmanager.amazonaws.com", "ListSecrets", None, "us-east-1", ("AccessDeniedException", f"User: {arn} is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action")),
        ("lambda.amazonaws.com", "ListFunctions20150331", None, "us-east-1", ("AccessDeniedException", f"User: {arn} is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action")),
        ("dynamodb.amazonaws.com", "ListTables", None, "us-east-1", ("AccessDeniedException", f"User: {arn} is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:{MAIN}:table/* because no identity-based policy allows the dynamodb:ListTables action")),
        ("rds.amazonaws.com", "DescribeDBInstances", None, "us-east-1", ("AccessDenied", f"User: {arn} is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:us-east-1:{MAIN}:db:* because no identity-based policy allows the rds:DescribeDBInstances action")),
    ]
    ec2_probe = ["DescribeInstances", "DescribeSecurityGroups", "DescribeVpcs", "DescribeSnapshots", "DescribeKeyPairs"]
    for region in ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"]:
        for nm in ec2_probe[: (5 if region == "us-east-1" else 2)]:
            probes.append(("ec2.amazonaws.com", nm, {"filterSet": {}}, region,
                           ("Client.UnauthorizedOperation", f"You are not authorized to perform this operation. User: {arn} is not authorized to perform: ec2:{nm} because no identity-based policy allows the ec2:{nm} action")))
    probes.append(("ssm.amazonaws.com", "GetParametersByPath", {"path": "/", "recursive": True, "withDecryption": True}, "us-east-1",
                   ("AccessDeniedException", f"User: {arn} is not authorized to perform: ssm:GetParametersByPath on resource: arn:aws:ssm:us-east-1:{MAIN}:parameter/ because no identity-based policy allows the ssm:GetParametersByPath action")))
    probes.append(("kms.amazonaws.com", "ListKeys", {"limit": 1000}, "us-east-1",
                   ("AccessDeniedException", f"User: {arn} is not authorized to perform: kms:ListKeys on resource: * because no identity-based policy allows the kms:ListKeys action")))
    probes.append(("s3.amazonaws.com", "GetObject", None, "us-east-1", None))   # placeholder (skipped)
    for src, nm, req, region, err in probes:
        if err is None:
            continue
        cmd = src.split(".")[0] + "." + "-".join(w.lower() for w in __import__("re").findall("[A-Z][a-z]+", nm))
        ct.add(t, bast, src, nm, region, IP_SSH_BRUTE, UA_CLI_LINUX.replace("{cmd}", cmd), req, None, error=err)
        t += r.uniform(1.0, 4.0)
    # second pass: retries (common with tools that loop over regions)
    for src, nm, req, region, err in probes[:12]:
        if err is None:
            continue
        ct.add(t, bast, src, nm, region, IP_SSH_BRUTE, UA_BOTO_ATTACKER.replace("os/windows#10", "os/linux#6.8.11-amd64"), req, None, error=err)
        t += r.uniform(0.3, 1.5)

    # A5: compromised IAM user carol.nguyen (no MFA) from a never-seen IP 00:49:30
    carol, cip = P["carol"], IP_COMPROMISED
    t = at(0, 49, 30)
    ct.console_login(t, carol, cip, UA_ATTACKER_BROWSER, mfa=False)
    ckey = key_id(r, "ASIA")
    for i, (src, nm, rp) in enumerate([
            ("iam.amazonaws.com", "GetAccountSummary", None), ("iam.amazonaws.com", "ListUsers", None),
            ("iam.amazonaws.com", "ListAttachedUserPolicies", {"userName": "carol.nguyen"}),
            ("iam.amazonaws.com", "ListGroupsForUser", {"userName": "carol.nguyen"}),
            ("iam.amazonaws.com", "ListAccessKeys", {"userName": "carol.nguyen"})]):
        t += r.uniform(8, 25)
        ct.add(t, carol, src, nm, "us-east-1", cip, UA_ATTACKER_BROWSER, rp, None, console=True, temp_key=ckey)
    t = at(0, 51, 4)
    new_key = key_id(r, "AKIA")
    ct.add(t, carol, "iam.amazonaws.com", "CreateAccessKey", "us-east-1", cip, UA_ATTACKER_BROWSER,
           {"userName": "carol.nguyen"},
           {"accessKey": {"userName": "carol.nguyen", "accessKeyId": new_key, "status": "Active",
                          "createDate": "Nov 24, 2025, 8:51:04 AM"}},
           read_only=False, console=True, temp_key=ckey)
    t = at(0, 52, 11)
    ct.add(t, carol, "iam.amazonaws.com", "AttachUserPolicy", "us-east-1", cip, UA_ATTACKER_BROWSER,
           {"userName": "carol.nguyen", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, None,
           read_only=False, console=True, temp_key=ckey)
    carol.access_key = new_key
    t = at(0, 53, 2)
    ct.add(t, carol, "iam.amazonaws.com", "CreateUser", "us-east-1", cip, UA_BOTO_ATTACKER,
           {"userName": "svc-maint", "path": "/"},
           {"user": {"path": "/", "userName": "svc-maint", "userId": principal_id(r, "AIDA"),
                     "arn": f"arn:aws:iam::{MAIN}:user/svc-maint", "createDate": "Nov 24, 2025, 8:53:02 AM"}},
           read_only=False)
    t = at(0, 53, 39)
    policy_doc = cjson({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
    ct.add(t, carol, "iam.amazonaws.com", "PutUserPolicy", "us-east-1", cip, UA_BOTO_ATTACKER,
           {"userName": "svc-maint", "policyName": "maintenance", "policyDocument": policy_doc}, None, read_only=False)
    svc = Principal("IAMUser", MAIN, "svc-maint", r)
    svc.access_key = key_id(r, "AKIA")
    t = at(0, 54, 20)
    ct.add(t, carol, "iam.amazonaws.com", "CreateAccessKey", "us-east-1", cip, UA_BOTO_ATTACKER,
           {"userName": "svc-maint"},
           {"accessKey": {"userName": "svc-maint", "accessKeyId": svc.access_key, "status": "Active",
                          "createDate": "Nov 24, 2025, 8:54:20 AM"}}, read_only=False)
    t = at(0, 54, 58)
    ct.add(t, carol, "iam.amazonaws.com", "CreateLoginProfile", "us-east-1", cip, UA_BOTO_ATTACKER,
           {"userName": "svc-maint", "passwordResetRequired": False},
           {"loginProfile": {"userName": "svc-maint", "createDate": "Nov 24, 2025, 8:54:58 AM",
                             "passwordResetRequired": False}}, read_only=False)

    # A6: CloudTrail tampering by svc-maint 01:00:00-01:04:00
    ua = UA_BOTO_ATTACKER
    trail = f"arn:aws:cloudtrail:us-east-1:{MAIN}:trail/management-events"
    archive = f"arn:aws:cloudtrail:us-east-1:{MAIN}:trail/audit-archive"
    scp = lambda action, res: ("AccessDenied", f"User: {svc.arn} is not authorized to perform: cloudtrail:{action} on resource: {res} with an explicit deny in a service control policy")
    t = at(1, 0, 3)
    ct.add(t, svc, "sts.amazonaws.com", "GetCallerIdentity", "us-east-1", cip, ua, None, None)
    t = at(1, 0, 19)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "DescribeTrails", "us-east-1", cip, ua, {"trailNameList": [], "includeShadowTrails": True}, None)
    t = at(1, 0, 41)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "GetTrailStatus", "us-east-1", cip, ua, {"name": archive}, None)
    t = at(1, 1, 5)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "StopLogging", "us-east-1", cip, ua, {"name": archive}, None,
           read_only=False, resources=[{"accountId": MAIN, "type": "AWS::CloudTrail::Trail", "ARN": archive}])
    t = at(1, 1, 38)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "PutEventSelectors", "us-east-1", cip, ua,
           {"trailName": archive, "eventSelectors": [{"readWriteType": "ReadOnly", "includeManagementEvents": False,
                                                       "dataResources": [], "excludeManagementEventSources": []}]},
           {"trailARN": archive, "eventSelectors": [{"readWriteType": "ReadOnly", "includeManagementEvents": False,
                                                      "dataResources": [], "excludeManagementEventSources": []}]},
           read_only=False, resources=[{"accountId": MAIN, "type": "AWS::CloudTrail::Trail", "ARN": archive}])
    t = at(1, 2, 14)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "UpdateTrail", "us-east-1", cip, ua,
           {"name": trail, "isMultiRegionTrail": False, "includeGlobalServiceEvents": False}, None,
           error=scp("UpdateTrail", trail), read_only=False)
    t = at(1, 2, 40)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "StopLogging", "us-east-1", cip, ua, {"name": trail}, None,
           error=scp("StopLogging", trail), read_only=False)
    t = at(1, 3, 2)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "PutEventSelectors", "us-east-1", cip, ua,
           {"trailName": trail, "eventSelectors": [{"readWriteType": "All", "includeManagementEvents": False,
                                                     "dataResources": [], "excludeManagementEventSources": []}]},
           None, error=scp("PutEventSelectors", trail), read_only=False)
    t = at(1, 3, 25)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "DeleteTrail", "us-east-1", cip, ua, {"name": trail}, None,
           error=scp("DeleteTrail", trail), read_only=False)
    t = at(1, 3, 51)
    ct.add(t, svc, "cloudtrail.amazonaws.com", "DeleteTrail", "us-east-1", cip, ua, {"name": archive}, None,
           read_only=False, resources=[{"accountId": MAIN, "type": "AWS::CloudTrail::Trail", "ARN": archive}])

    # A7: network exposure 01:06:00-01:08:30
    sg_web = "sg-0f3e2d1c0b9a87654"
    t = at(1, 6, 2)
    for port in (22, 3389):
        ct.add(t, svc, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "us-east-1", cip, ua,
               {"groupId": sg_web, "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": port, "toPort": port,
                                                                "groups": {}, "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                                                                "ipv6Ranges": {}, "prefixListIds": {}}]}},
               {"requestId": uid(r), "_return": True,
                "securityGroupRuleSet": {"items": [{"groupOwnerId": MAIN, "groupId": sg_web,
                                                    "securityGroupRuleId": "sgr-0" + hexs(r, 16), "isEgress": False,
                                                    "ipProtocol": "tcp", "fromPort": port, "toPort": port,
                                                    "cidrIpv4": "0.0.0.0/0"}]}}, read_only=False)
        t += 21
    t = at(1, 6, 58)
    ct.add(t, svc, "ec2.amazonaws.com", "CreateNetworkAclEntry", "us-east-1", cip, ua,
           {"networkAclId": "acl-0c1d2e3f4a5b6c7d8", "ruleNumber": 50, "egress": False, "ruleAction": "allow",
            "icmpTypeCode": {}, "portRange": {}, "aclProtocol": "-1", "cidrBlock": "0.0.0.0/0"},
           {"requestId": uid(r), "_return": True}, read_only=False)
    t = at(1, 7, 31)
    ct.add(t, svc, "ec2.amazonaws.com", "CreateRoute", "us-east-1", cip, ua,
           {"routeTableId": "rtb-0e4f5a6b7c8d9e0f1", "destinationCidrBlock": "0.0.0.0/0", "gatewayId": "igw-0a9b8c7d6e5f43210"},
           {"requestId": uid(r), "_return": True}, read_only=False)
    t = at(1, 8, 12)
    ct.add(t, svc, "ec2.amazonaws.com", "DeleteFlowLogs", "us-east-1", cip, ua,
           {"DeleteFlowLogsRequest": {"FlowLogId": {"content": "fl-0d7c6b5a4f3e2d1c0", "tag": 1}}},
           {"DeleteFlowLogsResponse": {"xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/", "unsuccessful": "",
                                       "requestId": uid(r)}}, read_only=False)

    # A8: KMS + S3 exposure 01:10:00-01:12:30
    key_arn = f"arn:aws:kms:us-east-1:{MAIN}:key/7c2e4a91-3b5d-4f68-a0c1-d9e8f7b6a543"
    kid = key_arn.split("/")[-1]
    t = at(1, 10, 4)
    ct.add(t, svc, "kms.amazonaws.com", "DisableKey", "us-east-1", cip, ua, {"keyId": kid}, None, read_only=False,
           resources=[{"accountId": MAIN, "type": "AWS::KMS::Key", "ARN": key_arn}])
    t = at(1, 10, 37)
    ct.add(t, svc, "kms.amazonaws.com", "ScheduleKeyDeletion", "us-east-1", cip, ua,
           {"keyId": kid, "pendingWindowInDays": 7},
           {"keyId": key_arn, "deletionDate": "Dec 1, 2025, 12:00:00 AM", "keyState": "PendingDeletion",
            "pendingWindowInDays": 7}, read_only=False,
           resources=[{"accountId": MAIN, "type": "AWS::KMS::Key", "ARN": key_arn}])
    bucket = "acme-prod-customer-exports"
    bres = [{"accountId": MAIN, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"}]
    t = at(1, 11, 9)
    ct.add(t, svc, "s3.amazonaws.com", "DeleteBucketPublicAccessBlock", "us-east-1", cip, ua,
           {"bucketName": bucket, "Host": f"{bucket}.s3.amazonaws.com", "publicAccessBlock": ""}, None,
           read_only=False, resources=bres,
           extra={"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": 0,
                  "AuthenticationMethod": "AuthHeader", "x-amz-id-2": xamzid2(r), "bytesTransferredOut": 0})
    t = at(1, 11, 40)
    pol = {"Version": "2012-10-17", "Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
                                                    "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}]}
    ct.add(t, svc, "s3.amazonaws.com", "PutBucketPolicy", "us-east-1", cip, ua,
           {"bucketPolicy": pol, "bucketName": bucket, "Host": f"{bucket}.s3.amazonaws.com", "policy": ""}, None,
           read_only=False, resources=bres,
           extra={"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": 212,
                  "AuthenticationMethod": "AuthHeader", "x-amz-id-2": xamzid2(r), "bytesTransferredOut": 0})
    t = at(1, 12, 15)
    ct.add(t, svc, "s3.amazonaws.com", "PutBucketAcl", "us-east-1", cip, ua,
           {"bucketName": bucket, "Host": f"{bucket}.s3.amazonaws.com", "acl": "", "x-amz-acl": ["public-read"]}, None,
           read_only=False, resources=bres,
           extra={"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": 0,
                  "AuthenticationMethod": "AuthHeader", "x-amz-id-2": xamzid2(r), "bytesTransferredOut": 0})

    # A9: exfiltration 01:19:40-01:27:00: svc-maint assumes data-pipeline-role on the bastion,
    #     then a burst of GetObject from the bastion's public IP (normally only via VPC endpoint)
    bip = INSTANCES["bastion"]["public"]
    t = at(1, 19, 40)
    xs = Principal("AssumedRole", MAIN, None, r, role="data-pipeline-role", session="maint-sync")
    xs.role_pid = pipe.role_pid
    xs.pid = f"{xs.role_pid}:maint-sync"
    xs.created = int(t)
    ct.add(t, svc, "sts.amazonaws.com", "AssumeRole", "us-east-1", bip, UA_CLI_BASTION.replace("{cmd}", "sts.assume-role"),
           {"roleArn": pipe.role_arn, "roleSessionName": "maint-sync"},
           {"credentials": {"accessKeyId": xs.access_key,
                            "sessionToken": "IQoJb3JpZ2luX2VjE" + "".join(r.choice(ALNUM) for _ in range(40)) + "EXAMPLE",
                            "expiration": "Nov 24, 2025, 10:19:40 AM"},
            "assumedRoleUser": {"assumedRoleId": xs.pid, "arn": xs.arn}},
           resources=[{"accountId": MAIN, "type": "AWS::IAM::Role", "ARN": pipe.role_arn}])
    t = at(1, 20, 5)
    exfil_ua = UA_CLI_BASTION.replace("{cmd}", "s3.sync")
    i = 0
    while t < at(1, 27, 0):
        key = f"exports/2025/{r.randint(1, 11):02d}/{r.randint(1, 28):02d}/customers-{r.randint(1, 40):03d}.csv.gz"
        s3_obj(t, xs, "GetObject", bucket, key, bip, exfil_ua, size=r.randint(1_500_000, 9_000_000))
        t += r.uniform(0.3, 1.6)
        i += 1

    # A3: root account use 01:40
    t = at(1, 40, 12)
    ct.console_login(t, P["root"], OFFICE_IPS[0], UA_CONSOLE[0], mfa=True)
    for nm, rp in [("GetAccountSummary", None), ("ListAccountAliases", None),
                   ("UpdateAccountPasswordPolicy", {"minimumPasswordLength": 14, "requireSymbols": True, "requireNumbers": True,
                                                    "requireUppercaseCharacters": True, "requireLowercaseCharacters": True,
                                                    "allowUsersToChangePassword": True, "maxPasswordAge": 90,
                                                    "passwordReusePrevention": 24})]:
        t += r.uniform(20, 70)
        ct.add(t, P["root"], "iam.amazonaws.com", nm, "us-east-1", OFFICE_IPS[0], UA_CONSOLE[0], rp, None,
               read_only=(nm != "UpdateAccountPasswordPolicy"), console=True)
    # alice responds: detaches admin policy, deactivates key (incident response, benign)
    t = at(1, 48, 30)
    ct.add(t, P["alice"], "iam.amazonaws.com", "DetachUserPolicy", "us-east-1", HOME_IPS["alice.chen"], UA_CONSOLE[0],
           {"userName": "carol.nguyen", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, None,
           read_only=False, console=True)
    ct.add(t + 41, P["alice"], "iam.amazonaws.com", "UpdateAccessKey", "us-east-1", HOME_IPS["alice.chen"], UA_CONSOLE[0],
           {"userName": "svc-maint", "accessKeyId": svc.access_key, "status": "Inactive"}, None,
           read_only=False, console=True)

    out = []
    for t, stream, msg in ct.events:
        if T0 <= t < T_END:
            out.append(event(CT_GROUP, stream, int(t) * 1000, msg))
    return out


# ---------------------------------------------------------------------------
# VPC Flow Logs (version 2 default format)
# ---------------------------------------------------------------------------
VPC_GROUP = "/aws/vpc/flowlogs"


def gen_vpcflow():
    r = rng_for("vpcflow")
    recs = []   # (eni, start, line)
    acct = MAIN

    def line(eni, src, dst, sp, dp, proto, pk, by, st, en, action):
        return f"2 {acct} {eni} {src} {dst} {sp} {dp} {proto} {pk} {by} {st} {en} {action} OK"

    def eph():
        return r.randint(32768, 60999)

    def cli_port():
        return r.randint(49152, 65535)

    db_flowlog_deleted_at = at(1, 8, 12)
    bast = INSTANCES["bastion"]

    for w in range(120):
        wstart = T0 + w * 60
        for eni, ip in (ENI_ALB_A, ENI_ALB_B):
            st = wstart + r.randint(0, 4)
            en = st + r.randint(55, 62)
            for _ in range(r.randint(13, 18)):
                c = r.choice(WEB_CLIENTS)
                cp = cli_port()
                pk = r.randint(6, 40)
                recs.append((eni, st, line(eni, c, ip, cp, 443, 6, pk, pk * r.randint(90, 700), st, en, "ACCEPT")))
                pk2 = r.randint(6, 60)
                recs.append((eni, st, line(eni, ip, c, 443, cp, 6, pk2, pk2 * r.randint(400, 1400), st, en, "ACCEPT")))
            # ALB -> targets
            for tgt in ("web1", "web2"):
                for _ in range(r.randint(2, 4)):
                    p = eph()
                    pk = r.randint(40, 300)
                    recs.append((eni, st, line(eni, ip, INSTANCES[tgt]["ip"], p, 8080, 6, pk, pk * r.randint(300, 900), st, en, "ACCEPT")))
            # internet noise rejected by the ALB security group
            for _ in range(r.randint(0, 3)):
                recs.append((eni, st, line(eni, r.choice(SCAN_NOISE), ip, cli_port(),
                                           r.choice([22, 23, 80, 445, 3389, 8080, 8443, 6379, 1433, 5900, 2375]),
                                           6, 1, 40 + 4 * r.randint(0, 5), st, en, "REJECT")))
        for key in ("web1", "web2"):
            ins = INSTANCES[key]
            eni = ins["eni"]
            st = wstart + r.randint(0, 4)
            en = st + r.randint(55, 62)
            for alb in (ENI_ALB_A[1], ENI_ALB_B[1]):
                for _ in range(r.randint(2, 3)):
                    p = eph()
                    pk = r.randint(40, 300)
                    recs.append((eni, st, line(eni, alb, ins["ip"], p, 8080, 6, pk, pk * r.randint(300, 900), st, en, "ACCEPT")))
                    recs.append((eni, st, line(eni, ins["ip"], alb, 8080, p, 6, pk, pk * r.randint(600, 1400), st, en, "ACCEPT")))
            for _ in range(r.randint(2, 4)):
                p = eph()
                pk = r.randint(10, 200)
                recs.append((eni, st, line(eni, ins["ip"], ENI_DB[1], p, 5432, 6, pk, pk * r.randint(100, 500), st, en, "ACCEPT")))
                recs.append((eni, st, line(eni, ENI_DB[1], ins["ip"], 5432, p, 6, pk, pk * r.randint(200, 1400), st, en, "ACCEPT")))
            if r.random() < 0.7:
                p = eph()
                recs.append((eni, st, line(eni, ins["ip"], CORP_DNS, p, 53, 17, 1, r.randint(60, 90), st, en, "ACCEPT")))
                recs.append((eni, st, line(eni, CORP_DNS, ins["ip"], 53, p, 17, 1, r.randint(90, 300), st, en, "ACCEPT")))
            if r.random() < 0.5:
                p = eph()
                dst = r.choice(["52.4.188.12", "34.196.40.201", "104.18.6.192", "151.101.1.69"])
                pk = r.randint(8, 30)
                recs.append((eni, st, line(eni, ins["ip"], dst, p, 443, 6, pk, pk * r.randint(100, 600), st, en, "ACCEPT")))
        # database ENI (flow log deleted by attacker at 01:08:12 -> stream stops)
        if wstart + 60 <= db_flowlog_deleted_at:
            eni = ENI_DB[0]
            st = wstart + r.randint(0, 4)
            en = st + r.randint(55, 62)
            for src in (INSTANCES["web1"]["ip"], INSTANCES["web2"]["ip"], "10.0.2.31", "10.0.2.44", "10.0.5.21", "10.0.5.87"):
                for _ in range(r.randint(1, 2)):
                    p = eph()
                    pk = r.randint(10, 200)
                    recs.append((eni, st, line(eni, src, ENI_DB[1], p, 5432, 6, pk, pk * r.randint(100, 500), st, en, "ACCEPT")))
                    recs.append((eni, st, line(eni, ENI_DB[1], src, 5432, p, 6, pk, pk * r.randint(200, 1400), st, en, "ACCEPT")))
            if w % 10 == 3:
                recs.append((eni, st, line(eni, "10.0.0.10", ENI_DB[1], eph(), 5432, 6, 3, 180, st, en, "REJECT")))
        # bastion
        eni = bast["eni"]
        st = wstart + r.randint(0, 4)
        en = st + r.randint(55, 62)
        for _ in range(r.randint(3, 7)):
            recs.append((eni, st, line(eni, r.choice(SCAN_NOISE), bast["ip"], cli_port(),
                                       r.choice([23, 80, 443, 445, 3389, 8080, 5900, 1433, 3306, 6379, 25, 111, 2323]),
                                       6, 1, 40 + 4 * r.randint(0, 5), st, en, "REJECT")))
        if r.random() < 0.45:
            # background ssh scanners that get a TCP session to port 22
            c = r.choice(SCAN_NOISE)
            p = cli_port()
            pk = r.randint(8, 25)
            recs.append((eni, st, line(eni, c, bast["ip"], p, 22, 6, pk, pk * r.randint(80, 200), st, en, "ACCEPT")))
            recs.append((eni, st, line(eni, bast["ip"], c, 22, p, 6, pk, pk * r.randint(80, 250), st, en, "ACCEPT")))
        if w % 4 == 0:
            p = eph()
            ntp = r.choice(NTP_SERVERS)
            recs.append((eni, st, line(eni, bast["ip"], ntp, 123, 123, 17, 1, 76, st, en, "ACCEPT")))
            recs.append((eni, st, line(eni, ntp, bast["ip"], 123, 123, 17, 1, 76, st, en, "ACCEPT")))
        if r.random() < 0.3:
            p = eph()
            recs.append((eni, st, line(eni, bast["ip"], CORP_DNS, p, 53, 17, 1, 74, st, en, "ACCEPT")))
            recs.append((eni, st, line(eni, CORP_DNS, bast["ip"], 53, p, 17, 1, 190, st, en, "ACCEPT")))
        if r.random() < 0.08:
            recs.append((eni, st, line(eni, r.choice(SCAN_NOISE), bast["ip"], 0, 0, 1, 1, 84, st, en, "REJECT")))
        # admin ssh sessions into the bastion and on to web hosts (benign)
        if 3 <= w < 75 or 85 <= w < 115:
            for adm in (OFFICE_IPS[0],) if w < 75 else (HOME_IPS["alice.chen"],):
                pk = r.randint(30, 200)
                recs.append((eni, st, line(eni, adm, bast["ip"], 50122, 22, 6, pk, pk * r.randint(80, 160), st, en, "ACCEPT")))
                recs.append((eni, st, line(eni, bast["ip"], adm, 22, 50122, 6, pk, pk * r.randint(100, 400), st, en, "ACCEPT")))
        # NAT gateway
        eni = ENI_NAT[0]
        st = wstart + r.randint(0, 4)
        en = st + r.randint(55, 62)
        for _ in range(r.randint(3, 6)):
            src = r.choice([INSTANCES["web1"]["ip"], INSTANCES["web2"]["ip"], "10.0.2.31", "10.0.2.44"])
            dst = r.choice(["52.4.188.12", "34.196.40.201", "104.18.6.192", "151.101.1.69", "18.235.90.14", "140.82.114.3"])
            p = eph()
            pk = r.randint(8, 80)
            recs.append((eni, st, line(eni, src, dst, p, 443, 6, pk, pk * r.randint(100, 900), st, en, "ACCEPT")))
            recs.append((eni, st, line(eni, dst, ENI_NAT[1], 443, r.randint(1024, 65535), 6, pk, pk * r.randint(200, 1400), st, en, "ACCEPT")))
        for _ in range(r.randint(0, 2)):
            recs.append((eni, st, line(eni, r.choice(SCAN_NOISE), ENI_NAT[1], cli_port(), r.choice([22, 23, 3389, 445, 80]), 6, 1, 44, st, en, "REJECT")))
        # idle ENI -> NODATA every window
        st = wstart + r.randint(0, 4)
        en = st + r.randint(55, 62)
        recs.append((ENI_IDLE[0], st, f"2 {acct} {ENI_IDLE[0]} - - - - - - - {st} {en} - NODATA"))

    # a couple of SKIPDATA records (capture capacity exceeded) on the busy ALB ENI
    for mm in (37, 91):
        st = int(at(1 if mm >= 60 else 0, mm % 60)) + 2
        recs.append((ENI_ALB_A[0], st, f"2 {acct} {ENI_ALB_A[0]} - - - - - - - {st} {st + 59} - SKIPDATA"))

    # ---- ATTACK V1: port scan from IP_SCANNER against the bastion, 00:12:05-00:12:58
    eni, bip = bast["eni"], bast["ip"]
    ports = list(range(1, 1025))
    r.shuffle(ports)
    scan_ports = sorted(ports[:230] + [1433, 1521, 2049, 2375, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 11211, 27017])
    scan_ports = sorted(set(scan_ports))
    sp = r.randint(40000, 65000)
    for i, dp in enumerate(scan_ports):
        st = int(at(0, 12, 5) + i * (53.0 / len(scan_ports)))
        action = "ACCEPT" if dp == 22 else "REJECT"
        recs.append((eni, st, line(eni, IP_SCANNER, bip, sp, dp, 6, 1, 44, st, st + r.randint(1, 8), action)))
        if dp == 22:
            recs.append((eni, st, line(eni, bip, IP_SCANNER, 22, sp, 6, 1, 44, st, st + 3, "ACCEPT")))
    # the same scanner also probes the ALB (web paths; see app logs) 00:14-00:15
    for i in range(6):
        st = int(at(0, 14, 2) + i * 10)
        c = r.randint(40000, 65000)
        recs.append((ENI_ALB_A[0], st, line(ENI_ALB_A[0], IP_SCANNER, ENI_ALB_A[1], c, 443, 6, 12, 2100, st, st + 9, "ACCEPT")))
        recs.append((ENI_ALB_A[0], st, line(ENI_ALB_A[0], ENI_ALB_A[1], IP_SCANNER, 443, c, 6, 10, 5400, st, st + 9, "ACCEPT")))

    # ---- ATTACK V2: ssh brute force sessions 00:33:40-00:39:10, then interactive session
    t = at(0, 33, 40)
    while t < at(0, 39, 0):
        st = int(t)
        p = r.randint(32768, 60999)
        pk = r.randint(14, 22)
        recs.append((eni, st, line(eni, IP_SSH_BRUTE, bip, p, 22, 6, pk, pk * r.randint(90, 140), st, st + r.randint(2, 9), "ACCEPT")))
        recs.append((eni, st, line(eni, bip, IP_SSH_BRUTE, 22, p, 6, pk, pk * r.randint(100, 180), st, st + r.randint(2, 9), "ACCEPT")))
        t += r.uniform(2.5, 5.0)
    for w in range(39, 58):
        st = int(at(0, w, 1))
        pk = r.randint(60, 400)
        recs.append((eni, st, line(eni, IP_SSH_BRUTE, bip, 52944, 22, 6, pk, pk * r.randint(80, 140), st, st + 59, "ACCEPT")))
        recs.append((eni, st, line(eni, bip, IP_SSH_BRUTE, 22, 52944, 6, pk, pk * r.randint(100, 900), st, st + 59, "ACCEPT")))
    # bastion fetching tooling right after compromise
    st = int(at(0, 41, 50))
    recs.append((eni, st, line(eni, bip, IP_EXFIL_DEST, 41822, 443, 6, 412, 24388, st, st + 58, "ACCEPT")))
    recs.append((eni, st, line(eni, IP_EXFIL_DEST, bip, 443, 41822, 6, 2630, 3812044, st, st + 58, "ACCEPT")))

    # ---- ATTACK V3: exfiltration 01:20-01:30: S3 -> bastion, bastion -> IP_EXFIL_DEST:443
    for w in range(20, 30):
        st = int(at(1, w, 2))
        en = st + 60
        if w < 27:
            for s3ip in S3_IPS[:3]:
                p = r.randint(32768, 60999)
                by = r.randint(80, 160) * 1_000_000
                pk = by // 1448
                recs.append((eni, st, line(eni, s3ip, bip, 443, p, 6, pk, by, st, en, "ACCEPT")))
                recs.append((eni, st, line(eni, bip, s3ip, p, 443, 6, pk // 2, pk // 2 * 52, st, en, "ACCEPT")))
        p = 44218 + (w - 20)
        by = r.randint(310, 520) * 1_000_000
        pk = by // 1448
        recs.append((eni, st, line(eni, bip, IP_EXFIL_DEST, p, 443, 6, pk, by, st, en, "ACCEPT")))
        recs.append((eni, st, line(eni, IP_EXFIL_DEST, bip, 443, p, 6, pk // 2, pk // 2 * 52, st, en, "ACCEPT")))

    out = [event(VPC_GROUP, f"{eni}-all", st * 1000, msg) for eni, st, msg in recs]
    out = [e for e in out if T0 * 1000 <= e["timestamp"] < T_END * 1000]
    return out


# ---------------------------------------------------------------------------
# Linux auth log (/var/log/secure shipped by the CloudWatch agent)
# ---------------------------------------------------------------------------
AUTH_GROUP = "/var/log/secure"


def syslog_ts(t: float) -> str:
    d = dt.datetime.fromtimestamp(int(t), dt.timezone.utc)
    return f"{d:%b} {d.day:2d} {d:%H:%M:%S}"


INVALID_USERS = ["admin", "test", "user", "oracle", "postgres", "ubuntu", "guest", "ftpuser", "git", "support",
                 "deploy1", "pi", "test1", "mysql", "hadoop", "jenkins", "minecraft", "steam", "www", "dev",
                 "admin1", "operator", "ansible", "ts3", "nagios", "user1", "debian", "centos", "vagrant", "solana",
                 "sol", "validator", "es", "elastic", "kafka", "zabbix", "odoo", "tomcat", "teamspeak", "www-data"]


def gen_auth():
    r = rng_for("auth")
    out = []
    pid_ctr = {k: 2100 + i * 5000 for i, k in enumerate(INSTANCES)}

    used = set()

    def newpid(host_key, t):
        # PIDs grow with time (~1 new process per second on these hosts)
        pid = pid_ctr[host_key] + int((t - T0) * 1.1) + r.randint(0, 6)
        while (host_key, pid) in used:
            pid += 1
        used.add((host_key, pid))
        return pid

    def emit(host_key, t, prog_pid, text):
        ins = INSTANCES[host_key]
        msg = f"{syslog_ts(t)} {ins['host']} {prog_pid}: {text}"
        out.append(event(AUTH_GROUP, ins["id"], int(t) * 1000, msg))

    def fp(alg="RSA"):
        import base64
        return f"{alg} SHA256:" + base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode().rstrip("=")

    KEYS = {"ec2-user": fp(), "alice.chen": fp("ED25519"), "deploy": fp()}

    def ssh_failed_attempt(hk, t, ip, user, invalid):
        pid = newpid(hk, t)
        port = r.randint(32768, 65000)
        sp = f"sshd[{pid}]"
        if invalid:
            emit(hk, t, sp, f"Invalid user {user} from {ip} port {port}")
            emit(hk, t, sp, "pam_unix(sshd:auth): check pass; user unknown")
            emit(hk, t, sp, f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}")
            t2 = t + r.uniform(1.5, 3.0)
            emit(hk, t2, sp, f"Failed password for invalid user {user} from {ip} port {port} ssh2")
            emit(hk, t2 + r.uniform(0.1, 1), sp, f"Connection closed by invalid user {user} {ip} port {port} [preauth]")
        else:
            emit(hk, t, sp, f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={user}")
            t2 = t + r.uniform(1.5, 3.0)
            emit(hk, t2, sp, f"Failed password for {user} from {ip} port {port} ssh2")
            emit(hk, t2 + r.uniform(0.1, 1), sp, f"Received disconnect from {ip} port {port}:11: Bye Bye [preauth]")
            emit(hk, t2 + r.uniform(1, 1.3), sp, f"Disconnected from authenticating user {user} {ip} port {port} [preauth]")

    def ssh_session(hk, t, user, ip, length, method="publickey", cmds=()):
        pid = newpid(hk, t)
        port = r.randint(32768, 65000)
        sp = f"sshd[{pid}]"
        uid_ = {"ec2-user": 1000, "alice.chen": 1001, "deploy": 1002}.get(user, 1000)
        if method == "publickey":
            emit(hk, t, sp, f"Accepted publickey for {user} from {ip} port {port} ssh2: {KEYS.get(user, fp())}")
        else:
            emit(hk, t, sp, f"Accepted password for {user} from {ip} port {port} ssh2")
        emit(hk, t, sp, f"pam_unix(sshd:session): session opened for user {user} by (uid=0)")
        emit(hk, t + 0.2, "systemd-logind[1893]" if hk == "bastion" else "systemd-logind[1702]", f"New session {r.randint(100, 999)} of user {user}.")
        tt = t
        for c in cmds:
            tt += r.uniform(20, 120)
            if tt > t + length:
                break
            sudo(hk, tt, user, c)
        emit(hk, t + length, sp, f"Received disconnect from {ip} port {port}:11: disconnected by user")
        emit(hk, t + length, sp, f"Disconnected from user {user} {ip} port {port}")
        emit(hk, t + length, sp, f"pam_unix(sshd:session): session closed for user {user}")

    def sudo(hk, t, user, cmd, pwd=None, tty="pts/0"):
        pwd = pwd or f"/home/{user}"
        uid_ = {"ec2-user": 1000, "alice.chen": 1001, "deploy": 1002, "nrpe": 994}.get(user, 1000)
        emit(hk, t, "sudo", f"{user} : TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={cmd}")
        emit(hk, t, "sudo", f"pam_unix(sudo:session): session opened for user root by {user}(uid={uid_})")
        emit(hk, t + r.uniform(0.1, 3), "sudo", "pam_unix(sudo:session): session closed for user root")

    # --- monitoring agent sudo every minute on each host ---------------------------------
    checks = ["/usr/lib64/nagios/plugins/check_disk -w 20% -c 10% -p /",
              "/usr/lib64/nagios/plugins/check_procs -c 1: -C nginx",
              "/usr/lib64/nagios/plugins/check_load -w 4,3,2 -c 8,6,4"]
    for hk in INSTANCES:
        off = r.uniform(0, 20)
        for m in range(120):
            if hk == "bastion" and m % 2:
                continue
            sudo(hk, T0 + m * 60 + off + r.uniform(0, 1), "nrpe", checks[m % 3], pwd="/", tty="unknown")
    # --- cron: sysstat every 10 min, hourly run-parts ---------------------------------
    for hk in INSTANCES:
        for m in range(0, 120, 10):
            t = T0 + m * 60 + 1
            pid = newpid(hk, t)
            emit(hk, t, f"crond[{pid}]", "pam_unix(crond:session): session opened for user root by (uid=0)")
            emit(hk, t + 1, f"crond[{pid}]", "pam_unix(crond:session): session closed for user root")
        for m in (1, 61):
            t = T0 + m * 60 + 1
            pid = newpid(hk, t)
            emit(hk, t, f"crond[{pid}]", "pam_unix(crond:session): session opened for user root by (uid=0)")
            emit(hk, t + r.randint(2, 9), f"crond[{pid}]", "pam_unix(crond:session): session closed for user root")
    # --- internet ssh noise on bastion (password auth is enabled there: finding!) -----------
    t = T0 + r.uniform(0, 30)
    while t < T_END:
        ip = r.choice(SCAN_NOISE)
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            if r.random() < 0.7:
                ssh_failed_attempt("bastion", t, ip, r.choice(INVALID_USERS), True)
            else:
                ssh_failed_attempt("bastion", t, ip, "root", False)
            t += r.uniform(2, 6)
        if r.random() < 0.25:
            pid = newpid("bastion", t)
            emit("bastion", t, f"sshd[{pid}]", f"Connection closed by {ip} port {r.randint(32768, 65000)} [preauth]")
        if r.random() < 0.1:
            pid = newpid("bastion", t)
            emit("bastion", t, f"sshd[{pid}]", f"error: kex_exchange_identification: Connection closed by remote host")
            emit("bastion", t, f"sshd[{pid}]", f"Connection closed by {ip} port {r.randint(32768, 65000)}")
        t += r.expovariate(1 / 22.0)
    # --- admin sessions ---------------------------------------------------------------
    ssh_session("bastion", at(0, 3, 10), "ec2-user", OFFICE_IPS[0], 72 * 60,
                cmds=["/bin/dnf check-update", "/bin/systemctl status amazon-cloudwatch-agent"])
    for i, (hk, start, length) in enumerate([("web1", at(0, 4, 2), 1500), ("web2", at(0, 31, 40), 900),
                                              ("web1", at(0, 58, 3), 600), ("web2", at(1, 5, 30), 400)]):
        ssh_session(hk, start, "ec2-user", INSTANCES["bastion"]["ip"], length,
                    cmds=["/bin/systemctl restart nginx", "/bin/journalctl -u orders-agent --since -1h",
                          "/bin/tail -n 200 /var/log/nginx/error.log", "/bin/systemctl reload nginx"][i % 4:i % 4 + 2])
    ssh_session("bastion", at(1, 25, 40), "alice.chen", HOME_IPS["alice.chen"], 30 * 60,
                cmds=["/bin/last -n 50", "/bin/cat /var/log/secure", "/usr/bin/grep deploy /etc/passwd"])
    ssh_session("web1", at(1, 30, 2), "alice.chen", INSTANCES["bastion"]["ip"], 12 * 60,
                cmds=["/usr/bin/ss -tnp"])
    # su by ec2-user on web2
    t = at(0, 35, 12)
    emit("web2", t, "su", "pam_unix(su-l:session): session opened for user root by ec2-user(uid=1000)")
    emit("web2", t + 184, "su", "pam_unix(su-l:session): session closed for user root")
    # legit deploy user key login from CI through bastion (normally publickey!)
    for start in (at(0, 10, 20), at(1, 47, 40)):
        ssh_session("bastion", start, "deploy", r.choice(CI_IPS), 45, cmds=[])

    # ================= ATTACK S1: SSH brute force on bastion ==================
    hk = "bastion"
    ip = IP_SSH_BRUTE
    t = at(0, 33, 41)
    users_cycle = ["root", "admin", "ubuntu", "deploy", "ec2-user", "test", "oracle", "git", "postgres",
                   "jenkins", "deploy", "ansible", "root", "user", "centos", "deploy"]
    attempts = 0
    while t < at(0, 38, 55):
        u = users_cycle[attempts % len(users_cycle)]
        valid = u in ("root", "deploy", "ec2-user")
        ssh_failed_attempt(hk, t, ip, u, not valid)
        attempts += 1
        t += r.uniform(2.5, 5.0)
    t = at(0, 39, 2)
    pid = newpid(hk, t)
    port = 52944
    sp = f"sshd[{pid}]"
    emit(hk, t, sp, f"Accepted password for deploy from {ip} port {port} ssh2")
    emit(hk, t, sp, "pam_unix(sshd:session): session opened for user deploy by (uid=0)")
    emit(hk, t + 0.3, "systemd-logind[1893]", "New session 731 of user deploy.")
    sudo(hk, at(0, 40, 11), "deploy", "/bin/id", pwd="/home/deploy", tty="pts/1")
    emit(hk, at(0, 40, 26), "sudo", "deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/bin/bash")
    emit(hk, at(0, 40, 26), "sudo", "pam_unix(sudo:session): session opened for user root by deploy(uid=1002)")
    upid = newpid(hk, at(0, 40, 51))
    emit(hk, at(0, 40, 51), f"useradd[{upid}]", "new group: name=sysadm, GID=1003")
    emit(hk, at(0, 40, 51), f"useradd[{upid}]", "new user: name=sysadm, UID=1003, GID=1003, home=/home/sysadm, shell=/bin/bash, from=/dev/pts/1")
    ppid = newpid(hk, at(0, 41, 3))
    emit(hk, at(0, 41, 3), f"passwd[{ppid}]", "pam_unix(passwd:chauthtok): password changed for sysadm")
    mpid = newpid(hk, at(0, 41, 15))
    emit(hk, at(0, 41, 15), f"usermod[{mpid}]", "add 'sysadm' to group 'wheel'")
    emit(hk, at(0, 41, 15), f"usermod[{mpid}]", "add 'sysadm' to shadow group 'wheel'")
    emit(hk, at(0, 41, 40), "sudo", "deploy : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/bastion-role")
    emit(hk, at(0, 57, 30), "sudo", "pam_unix(sudo:session): session closed for user root")
    emit(hk, at(0, 57, 41), sp, f"Received disconnect from {ip} port {port}:11: disconnected by user")
    emit(hk, at(0, 57, 41), sp, f"Disconnected from user deploy {ip} port {port}")
    emit(hk, at(0, 57, 41), sp, "pam_unix(sshd:session): session closed for user deploy")
    # backdoor user used later from the attacker's second address (exfil staging)
    t = at(1, 18, 55)
    pid = newpid(hk, t)
    sp = f"sshd[{pid}]"
    emit(hk, t, sp, f"Accepted password for sysadm from {IP_COMPROMISED} port 61022 ssh2")
    emit(hk, t, sp, "pam_unix(sshd:session): session opened for user sysadm by (uid=0)")
    emit(hk, at(1, 19, 20), "sudo", "sysadm : TTY=pts/2 ; PWD=/home/sysadm ; USER=root ; COMMAND=/usr/bin/aws configure --profile maint")
    emit(hk, at(1, 19, 20), "sudo", "pam_unix(sudo:session): session opened for user root by sysadm(uid=1003)")
    emit(hk, at(1, 19, 31), "sudo", "pam_unix(sudo:session): session closed for user root")
    emit(hk, at(1, 31, 10), sp, f"Received disconnect from {IP_COMPROMISED} port 61022:11: disconnected by user")
    emit(hk, at(1, 31, 10), sp, f"Disconnected from user sysadm {IP_COMPROMISED} port 61022")
    emit(hk, at(1, 31, 10), sp, "pam_unix(sshd:session): session closed for user sysadm")
    # incident response: alice locks the backdoor account
    emit(hk, at(1, 33, 5), "sudo", "alice.chen : TTY=pts/0 ; PWD=/home/alice.chen ; USER=root ; COMMAND=/sbin/usermod -L sysadm")
    emit(hk, at(1, 33, 5), "sudo", "pam_unix(sudo:session): session opened for user root by alice.chen(uid=1001)")
    mpid = newpid(hk, at(1, 33, 5))
    emit(hk, at(1, 33, 5), f"usermod[{mpid}]", "lock user 'sysadm' password")
    emit(hk, at(1, 33, 6), "sudo", "pam_unix(sudo:session): session closed for user root")

    return [e for e in out if T0 * 1000 <= e["timestamp"] < T_END * 1000]


# ---------------------------------------------------------------------------
# Lambda: /aws/lambda/payments-api
# ---------------------------------------------------------------------------
LAMBDA_GROUP = "/aws/lambda/payments-api"
RUNTIME_ARN = "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd4cba17d61dea0686b404502a0c9ce83931b9"


def gen_lambda():
    r = rng_for("lambda")
    out = []
    envs = []   # dict(stream, busy_until, retire_at)

    def emit(stream, t, msg):
        out.append(event(LAMBDA_GROUP, stream, ms(t), msg))

    def app(stream, t, level, message, req, **kw):
        o = {"timestamp": iso_ms(t), "level": level, "message": message, "service": "payments-api", "requestId": req}
        o.update(kw)
        emit(stream, t, cjson(o))

    timeouts = {at(1, 14, 0)}
    timeout_done = False
    t = T0 + 1.3
    while t < T_END - 10:
        # traffic: busier in the second hour, plus small bursts
        rate = 7.5 if t < at(1, 0) else 9.0
        t += r.expovariate(rate / 60.0)
        if t >= T_END - 10:
            break
        req = uid(r)
        env = None
        for e in envs:
            if e["busy_until"] < t and e["retire_at"] > t:
                env = e
                break
        cold = env is None
        start = t
        if cold:
            d = dt.datetime.fromtimestamp(int(t), dt.timezone.utc)
            env = {"stream": f"{d:%Y/%m/%d}/[$LATEST]{hexs(r, 32)}", "busy_until": 0,
                   "retire_at": t + r.uniform(1200, 3600)}
            envs.append(env)
            emit(env["stream"], t, f"INIT_START Runtime Version: nodejs:20.v45\tRuntime Version ARN: {RUNTIME_ARN}\n")
            init = r.uniform(180, 420)
            start = t + init / 1000
        s = env["stream"]
        emit(s, start, f"START RequestId: {req} Version: $LATEST\n")
        cust = r.randint(100000, 999999)
        amount = round(r.choice([r.uniform(5, 80), r.uniform(80, 400), r.uniform(400, 2500)]), 2)
        is_timeout = (not timeout_done) and t >= at(1, 14, 0)
        roll = r.random()
        mem = r.randint(86, 118) + (20 if cold else 0)
        if is_timeout:
            timeout_done = True
            app(s, start + 0.004, "INFO", "calling payment processor", req, customer={"id": cust}, amount=amount,
                processor={"name": "acquirer-a", "endpoint": "https://api.acquirer-a.example/v2/authorize"})
            app(s, start + 1.52, "WARN", "processor slow, still waiting", req, elapsedMs=1517, attempt=1)
            emit(s, start + 3.0, f"{iso_ms(start + 3.0)} {req} Task timed out after 3.00 seconds\n")
            emit(s, start + 3.001, f"END RequestId: {req}\n")
            emit(s, start + 3.002, f"REPORT RequestId: {req}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: {mem} MB\tStatus: timeout\n")
            env["retire_at"] = start          # environment is torn down after a timeout
            env["busy_until"] = start + 3.1
            continue
        dur = r.lognormvariate(math.log(95), 0.45)
        if roll < 0.04:
            dur = r.uniform(350, 1200)
        end = start + dur / 1000
        if roll < 0.006:
            # unhandled exception (Node.js runtime format)
            err = {"errorType": "TypeError", "errorMessage": "Cannot read properties of undefined (reading 'token')",
                   "stack": ["TypeError: Cannot read properties of undefined (reading 'token')",
                             "    at authorize (/var/task/src/handlers/authorize.js:58:41)",
                             "    at Runtime.handler (/var/task/index.js:22:18)",
                             "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"]}
            emit(s, end - 0.001, f"{iso_ms(end - 0.001)}\t{req}\tERROR\tInvoke Error \t{cjson(err)}\n")
        elif roll < 0.06:
            app(s, start + 0.003, "INFO", "authorizing payment", req, customer={"id": cust}, amount=amount, currency="USD")
            code = r.choice(["card_declined", "insufficient_funds", "processor_unavailable", "do_not_honor"])
            app(s, end - 0.002, "ERROR", "payment declined" if code != "processor_unavailable" else "processor request failed", req,
                customer={"id": cust}, amount=amount, error={"code": code, "httpStatus": 402 if code != "processor_unavailable" else 503,
                                                              "retryable": code == "processor_unavailable"})
        else:
            app(s, start + 0.003, "INFO", "authorizing payment", req, customer={"id": cust}, amount=amount, currency="USD")
            if r.random() < 0.1:
                app(s, start + 0.05, "WARN", "fraud score elevated", req, customer={"id": cust}, fraudScore=round(r.uniform(0.61, 0.89), 2))
            app(s, end - 0.002, "INFO", "payment authorized", req, customer={"id": cust}, amount=amount, currency="USD",
                paymentId="pay_" + hexs(r, 24), coldStart=cold, latencyMs=round(dur, 1))
        emit(s, end, f"END RequestId: {req}\n")
        billed = math.ceil(dur)
        rep = f"REPORT RequestId: {req}\tDuration: {dur:.2f} ms\tBilled Duration: {billed if not cold else math.ceil(dur + init)} ms\tMemory Size: 512 MB\tMax Memory Used: {mem} MB"
        if cold:
            rep += f"\tInit Duration: {init:.2f} ms"
        emit(s, end + 0.001, rep + "\t\n")
        env["busy_until"] = end + 0.05
    return [e for e in out if T0 * 1000 <= e["timestamp"] < T_END * 1000]


# ---------------------------------------------------------------------------
# orders-service application logs (ECS awslogs driver)
# ---------------------------------------------------------------------------
APP_GROUP = "/app/orders-service"


def gen_app():
    r = rng_for("app")
    out = []
    tasks = [f"orders-service/orders-api/{hexs(r, 32)}" for _ in range(3)]
    users = [f"usr_{hexs(r, 12)}" for _ in range(300)]
    skus = [f"SKU-{r.randint(10000, 99999)}" for _ in range(80)]
    uas = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
           "AcmeShop/4.12.0 (Android 14; Pixel 8)", "AcmeShop/4.12.0 (iOS 18.1; iPhone15,2)"]

    def emit(stream, t, msg):
        out.append(event(APP_GROUP, stream, ms(t), msg))

    def log(t, stream, level, logger, msg, **kw):
        o = {"ts": iso_ms(t), "level": level, "logger": logger, "thread": f"http-nio-8080-exec-{r.randint(1, 40)}",
             "msg": msg, "trace": {"trace_id": hexs(r, 32), "span_id": hexs(r, 16)}}
        o.update(kw)
        emit(stream, t, cjson(o))

    t = T0 + 0.5
    while t < T_END:
        t += r.expovariate(16 / 60.0)
        if t >= T_END:
            break
        s = r.choice(tasks)
        u = r.choice(users)
        ip = r.choice(WEB_CLIENTS)
        kind = r.random()
        lat = int(r.lognormvariate(math.log(35), 0.6))
        http = {"method": "GET", "path": f"/v1/orders/ord_{hexs(r, 10)}", "status": 200, "latency_ms": lat,
                "client_ip": ip, "user_agent": r.choice(uas)}
        user = {"id": u, "roles": ["customer"]}
        if kind < 0.22:
            items = [{"sku": r.choice(skus), "qty": r.randint(1, 3), "unit_price": round(r.uniform(4, 180), 2)}
                     for _ in range(r.randint(1, 4))]
            total = round(sum(i["qty"] * i["unit_price"] for i in items), 2)
            http.update(method="POST", path="/v1/orders", status=201, latency_ms=lat + r.randint(80, 200))
            log(t, s, "INFO", "com.acme.orders.api.OrderController", "order created", http=http, user=user,
                order={"id": f"ord_{hexs(r, 10)}", "items": items, "total": total, "currency": "USD"}, tags=["orders", "write"])
        elif kind < 0.27:
            http.update(method="POST", path="/v1/checkout", status=502, latency_ms=lat + 1800)
            log(t, s, "ERROR", "com.acme.orders.checkout.CheckoutService", "payment call failed", http=http, user=user,
                error={"type": "PaymentGatewayException", "message": "payments-api returned 502", "retryable": True},
                tags=["checkout", "payments"])
        elif kind < 0.34:
            log(t, s, "WARN", "com.acme.orders.db.OrderRepository", "slow query", user=user,
                db={"statement": "SELECT o.* FROM orders o WHERE o.customer_id = ? ORDER BY o.created_at DESC LIMIT ?",
                    "duration_ms": r.randint(800, 3000), "rows": r.randint(10, 500)}, tags=["db"])
        elif kind < 0.38:
            http.update(method="POST", path="/v1/auth/login", status=401, latency_ms=lat)
            log(t, s, "WARN", "com.acme.orders.auth.LoginHandler", "login failed", http=http,
                user={"id": None, "email_hash": hexs(r, 16)}, reason="bad_credentials", tags=["auth"])
        elif kind < 0.42:
            log(t, s, "INFO", "com.acme.orders.health.HealthController", "health check",
                http={"method": "GET", "path": "/health", "status": 200, "latency_ms": 1, "client_ip": r.choice([ENI_ALB_A[1], ENI_ALB_B[1]]),
                      "user_agent": "ELB-HealthChecker/2.0"}, tags=[])
        else:
            if r.random() < 0.05:
                http.update(status=404)
            log(t, s, "INFO", "com.acme.orders.api.OrderController", "request completed", http=http, user=user, tags=["orders", "read"])

    # periodic cache refresh / metrics lines
    for m in range(0, 120, 5):
        for s in tasks:
            tt = T0 + m * 60 + r.uniform(0, 5)
            log(tt, s, "INFO", "com.acme.orders.cache.CatalogCache", "catalog cache refreshed",
                cache={"entries": r.randint(18000, 19000), "evictions": r.randint(0, 40), "hit_ratio": round(r.uniform(0.9, 0.99), 3)},
                tags=["cache"])

    # scanner hitting the API through the ALB (same IP as the VPC port scan) 00:14
    probe_paths = ["/.env", "/.git/config", "/wp-login.php", "/admin", "/actuator/env", "/api/v1/../../etc/passwd",
                   "/phpmyadmin/index.php", "/.aws/credentials", "/server-status", "/v1/orders?id=1%27%20OR%20%271%27=%271",
                   "/console", "/actuator/heapdump", "/config.json", "/backup.zip", "/.DS_Store", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"]
    t = at(0, 14, 3)
    for i, p in enumerate(probe_paths * 2):
        t += r.uniform(1.0, 3.5)
        st = 400 if "%27" in p or ".." in p else 404
        log(t, tasks[i % 3], "WARN", "com.acme.orders.web.NotFoundHandler", "no handler for request",
            http={"method": "GET", "path": p, "status": st, "latency_ms": r.randint(1, 4), "client_ip": IP_SCANNER,
                  "user_agent": "Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))"},
            tags=["web", "probe"])

    # plain-text stack trace from a background thread (stderr, one line per event)
    t = at(0, 52, 17.25)
    s = tasks[1]
    trace = ['Exception in thread "order-events-consumer-2" org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition order-events-3 could be determined',
             "\tat org.apache.kafka.clients.consumer.internals.AsyncKafkaConsumer.position(AsyncKafkaConsumer.java:1012)",
             "\tat com.acme.orders.events.OrderEventsConsumer.poll(OrderEventsConsumer.java:88)",
             "\tat com.acme.orders.events.OrderEventsConsumer.run(OrderEventsConsumer.java:61)",
             "\tat java.base/java.lang.Thread.run(Thread.java:1583)"]
    for i, ln in enumerate(trace):
        emit(s, t + i * 0.001, ln)
    t = at(1, 31, 44.5)
    s = tasks[0]
    trace = ["java.lang.OutOfMemoryError: Java heap space",
             "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)",
             "\tat java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:242)",
             "\tat com.fasterxml.jackson.core.util.TextBuffer.contentsAsString(TextBuffer.java:459)",
             "\tat com.acme.orders.export.CsvExporter.write(CsvExporter.java:133)",
             "\t... 14 more"]
    for i, ln in enumerate(trace):
        emit(s, t + i * 0.001, ln)
    # deliberately malformed lines: truncated write when the OOM killed the task, and a doubled brace
    emit(s, at(1, 31, 44.9), '{"ts":"2025-11-24T09:31:44.900Z","level":"ERROR","logger":"com.acme.orders.export.CsvExporter","msg":"export failed","http":{"method":"GET","path":"/v1/exports/customers","status":500,"latency_ms":30')
    emit(tasks[2], at(0, 7, 12.301), '{"ts":"2025-11-24T08:07:12.301Z","level":"INFO","logger":"com.acme.orders.Application","msg":"Started OrdersApplication in 7.412 seconds (process running for 8.03)"}}')
    return [e for e in out if T0 * 1000 <= e["timestamp"] < T_END * 1000]


# ---------------------------------------------------------------------------
FILES = [("cloudtrail.jsonl", gen_cloudtrail), ("vpcflow.jsonl", gen_vpcflow), ("auth.jsonl", gen_auth),
         ("lambda.jsonl", gen_lambda), ("app.jsonl", gen_app)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for fname, fn in FILES:
        evs = fn()
        evs.sort(key=lambda e: e["timestamp"])       # stable: keeps emission order within a millisecond
        path = os.path.join(args.out, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for e in evs:
                f.write(json.dumps(e, separators=(",", ":"), ensure_ascii=False) + "\n")
        total += len(evs)
        print(f"{fname:18s} {len(evs):7d} events {os.path.getsize(path):10d} bytes")
    print(f"{'total':18s} {total:7d} events")


if __name__ == "__main__":
    main()
