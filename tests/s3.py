"""A real S3 endpoint on loopback for the object storage tests: moto's server mode, with
buckets made the way the README tells an administrator to make them (the public media
bucket readable by anyone through a bucket policy, the private one left private)."""

import json
import socket
import uuid
from dataclasses import dataclass

import pytest

REGION = "eu-west-2"
CREDENTIALS = {"access_key": "acn-test-key", "secret_key": "acn-test-secret"}  # noqa: S105


def public_read_policy(bucket: str) -> str:
    """The bucket policy the README gives for MEDIA_BUCKET: anyone may read objects."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadForMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


@dataclass
class S3Endpoint:
    url: str

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
        )

    def new_buckets(self) -> tuple[str, str]:
        """A public media bucket and a private one, each new (names never repeat)."""
        client = self.client()
        suffix = uuid.uuid4().hex[:12]
        public, private = f"acn-media-{suffix}", f"acn-private-{suffix}"
        for bucket in (public, private):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        client.put_bucket_policy(Bucket=public, Policy=public_read_policy(public))
        return public, private

    def keys(self, bucket: str) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def environment(self, media_bucket: str, private_bucket: str) -> dict[str, str]:
        """The environment variables a deployment sets for these buckets."""
        return {
            "MEDIA_BUCKET": media_bucket,
            "PRIVATE_MEDIA_BUCKET": private_bucket,
            "S3_ENDPOINT_URL": self.url,
            "S3_REGION": REGION,
            "AWS_ACCESS_KEY_ID": CREDENTIALS["access_key"],
            "AWS_SECRET_ACCESS_KEY": CREDENTIALS["secret_key"],
        }


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free loopback port for this test module, stopped after it."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        pytest.skip(f"moto's server mode is not installed (the dev extra's moto[server]): {error}")
    port = _free_loopback_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    try:
        server.start()
    except Exception as error:  # noqa: BLE001 - whatever stops it, the tests cannot run
        pytest.skip(f"moto's S3 server could not start on 127.0.0.1:{port}: {error}")
    try:
        endpoint = S3Endpoint(f"http://127.0.0.1:{port}")
        endpoint.client().list_buckets()  # answers before the first test
        yield endpoint
    finally:
        server.stop()
