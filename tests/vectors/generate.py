#!/usr/bin/env python3
"""Generates the inspect vector corpus and the facts an independent implementation reads from it.

Every case is a folder under tests/vectors/inspect/:
  input/*         the files given to `cert-preflight inspect`, in name order
  now.txt         the validation time (RFC 3339 UTC)
  passphrase.txt  (only some cases) the one passphrase/password for every encrypted input of the case,
                  on one line; the line break is not part of it
  original/*      (only the recovered-* cases) the material of each mangled input, un-mangled, as
                  clean PEM under the input's own file name; cert-preflight is never given it
  facts.json      what pyca/cryptography (and, for SM2 only, the openssl 3 CLI) reads from the inputs
                  (from original/<name> where there is one: the facts of a mangled input are those of
                  its original material; never typed by hand; the schema is in tests/vectors/README.md)
  expected.txt    cert-preflight's own text report, a snapshot (rewrite with UPDATE_EXPECT=1 cargo test)

Usage:
  python3 tests/vectors/generate.py            make new keys and certificates, then facts.json
  python3 tests/vectors/generate.py --only CASE...
                                               (re)make only the named cases (new keys for them only),
                                               then facts.json; the other cases keep their files
  python3 tests/vectors/generate.py --facts    only recompute facts.json from the committed inputs
  python3 tests/vectors/generate.py --check    recompute facts in memory; exit 1 if a facts.json differs

Generating needs the openssl 3 CLI (SHA-1 and SM2 signing, legacy PKCS#12, scrypt and DES-EDE3 keys),
ssh-keygen (not-tls-ssh-keys), keytool (java-keystores-jks-and-jceks, pkcs12-java-keytool-tomcat,
pkcs12-java-keytool-renewed-in-place,
keytool-list-rfc-transcript), NSS's certutil, pk12util and cmsutil (pkcs12-nss-pk12util-ber, pkcs7-nss-certs-only-ber; Debian's libnss3-tools),
cat and diff (recovered-mail-chat-and-input-methods), zip, jar, chromium, python-docx, odfpy and openpyxl
(the archive-* cases);
the facts need it only for SM2, which pyca cannot read, and for the order of a PKCS#12 file's certificates, which
pyca gives with the key's certificate first.

Throwaway private keys are named *.test-only.pem (PKCS#12: *.test-only.p12 / .pfx). Public certificates
(the public-* cases) are copied by hand, not by this script; their provenance is in tests/vectors/README.md.
"""
import base64
import datetime as dt
import html
import io
import itertools
import ipaddress
import json
import os
import pathlib
import re
import struct
import subprocess
import tarfile
import sys
import tempfile
import textwrap
import urllib.parse
import warnings
import xml.etree.ElementTree as ElementTree
import zipfile
import zlib
from types import SimpleNamespace

import yaml

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dh, dsa, ec, ed448, ed25519, padding, rsa, x448, x25519
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cryptography.utils import CryptographyDeprecationWarning

warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning)  # DSA, FFDH keys are read on purpose
ROOT = pathlib.Path(__file__).resolve().parent / "inspect"
NOW = "2026-11-22T00:00:00Z"
UTC = dt.timezone.utc
PASSPHRASE = "correct horse battery staple"
WRONG_PASSPHRASE = "wrong passphrase"
SM2_ID = "1234567812345678"  # the default SM2 distinguishing ID (GB/T 32918)
SM2_WITH_SM3 = "1.2.156.10197.1.501"
PEM, DER = serialization.Encoding.PEM, serialization.Encoding.DER
SPKI = serialization.PublicFormat.SubjectPublicKeyInfo

# RFC 5280 §4.2.1.3 names, in bit order, and pyca's attribute for each.
KEY_USAGE = [
    ("digitalSignature", "digital_signature"), ("nonRepudiation", "content_commitment"),
    ("keyEncipherment", "key_encipherment"), ("dataEncipherment", "data_encipherment"),
    ("keyAgreement", "key_agreement"), ("keyCertSign", "key_cert_sign"), ("cRLSign", "crl_sign"),
    ("encipherOnly", "encipher_only"), ("decipherOnly", "decipher_only"),
]
CURVES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}


def t(*parts):
    return dt.datetime(*parts, tzinfo=UTC)


ROOT_VALID = (t(2025, 1, 1), t(2035, 1, 1))
INT_VALID = (t(2025, 6, 1), t(2030, 6, 1))
LEAF_VALID = (t(2026, 9, 1), t(2027, 9, 1))
SERVER_CLIENT = (ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH)


# --- building certificates with pyca -------------------------------------------------------------

def name(cn, org="cert-preflight test", country="CN"):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def key_usage(*names):
    unknown = set(names) - {rfc for rfc, _ in KEY_USAGE}
    assert not unknown, unknown
    return x509.KeyUsage(**{attr: rfc in names for rfc, attr in KEY_USAGE})


def build(subject, issuer, key, signer, *, ca, not_before, not_after, serial, sans=(), hash_alg=hashes.SHA256(),
          path_len=None, usage=None, eku=None, ski=None, aki=False, pss=False):
    """One certificate. `sans` holds DNS names (str) or x509 GeneralNames; `ski` is True (from the key) or
    the identifier's bytes; `aki` adds the signer's key identifier. Extensions are added only when asked."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_len), critical=True)
    )
    if sans:
        general = [x509.DNSName(s) if isinstance(s, str) else s for s in sans]
        # RFC 5280 4.2.1.6: critical when the subject is empty.
        builder = builder.add_extension(x509.SubjectAlternativeName(general), critical=len(subject) == 0)
    if usage is not None:
        builder = builder.add_extension(key_usage(*usage), critical=True)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
    if ski is True:
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    elif ski:
        builder = builder.add_extension(x509.SubjectKeyIdentifier(ski), critical=False)
    if aki:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), critical=False)
    if isinstance(signer, ed25519.Ed25519PrivateKey):
        hash_alg = None
    if pss:
        return builder.sign(signer, hash_alg, rsa_padding=padding.PSS(
            mgf=padding.MGF1(hash_alg), salt_length=padding.PSS.DIGEST_LENGTH))
    return builder.sign(signer, hash_alg)


def issue(subject, key, issuer=None, issuer_key=None, *, ca, serial, valid, ski=True, **extensions):
    """A certificate with SKI, and AKI when it has an issuer; self-signed when `issuer` is None."""
    return build(subject, issuer.subject if issuer is not None else subject, key, issuer_key or key,
                 ca=ca, not_before=valid[0], not_after=valid[1], serial=serial, ski=ski,
                 aki=issuer is not None, **extensions)


def ca_cert(cn, key, issuer=None, issuer_key=None, *, serial, valid=INT_VALID, path_len=None,
            usage=("digitalSignature", "keyCertSign", "cRLSign"), **extensions):
    return issue(name(cn), key, issuer, issuer_key, ca=True, serial=serial, valid=valid, path_len=path_len,
                 usage=usage, **extensions)


def leaf_cert(cn, key, issuer, issuer_key, *, serial, valid=LEAF_VALID, sans=None, usage=None, eku=SERVER_CLIENT,
              **extensions):
    if usage is None:
        rsa_leaf = isinstance(key, rsa.RSAPrivateKey)
        usage = ("digitalSignature", "keyEncipherment") if rsa_leaf else ("digitalSignature",)
    return issue(name(cn, org="Example Org"), key, issuer, issuer_key, ca=False, serial=serial, valid=valid,
                 sans=[cn] if sans is None else sans, usage=usage, eku=eku, **extensions)


def rsa_key(bits=2048):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def ec_key(curve=ec.SECP256R1):
    return ec.generate_private_key(curve())


# --- encodings -----------------------------------------------------------------------------------

def pem(cert):
    return cert.public_bytes(PEM).decode()


def chain(*certs):
    return "".join(pem(c) for c in certs)


def pem_wrap(label, der, width=64):
    body = base64.b64encode(der).decode()
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def key_pem(key, fmt="pkcs8", password=None):
    """pkcs8 / traditional (PKCS#1 for RSA, SEC1 for EC); with a password pyca encrypts with its best
    available scheme (for traditional: legacy PEM, DEK-Info AES-256-CBC)."""
    formats = {"pkcs8": serialization.PrivateFormat.PKCS8,
               "traditional": serialization.PrivateFormat.TraditionalOpenSSL}
    protection = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    return key.private_bytes(PEM, formats[fmt], protection).decode()


def csr_for(cn, key):
    return (x509.CertificateSigningRequestBuilder()
            .subject_name(name(cn, org="Example Org"))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
            .sign(key, hashes.SHA256()))


def broken_csr_pem(csr):
    """The CSR with one bit flipped in the middle of its signature BIT STRING: it parses, does not verify."""
    der = bytearray(csr.public_bytes(DER))
    where = bytes(der).rindex(csr.signature) + len(csr.signature) // 2
    der[where] ^= 0x01
    return pem_wrap("CERTIFICATE REQUEST", bytes(der))


def pkcs12_bytes(key, cert, extra, encryption):
    return pkcs12.serialize_key_and_certificates(b"www.example.com", key, cert, list(extra), encryption)


def legacy_3des():
    return (serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2048)
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(hashes.SHA1())
            .build(PASSPHRASE.encode()))


# --- the openssl CLI -----------------------------------------------------------------------------

def openssl(*args, stdin=None, files=None, out=None):
    """Runs `openssl args` in a scratch folder holding `files`; returns stdout, or the file `out`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        for file_name, content in (files or {}).items():
            (folder / file_name).write_bytes(content.encode() if isinstance(content, str) else content)
        run = subprocess.run(["openssl", *args], input=stdin, capture_output=True, cwd=folder)
        if run.returncode != 0:
            raise RuntimeError(f"openssl {' '.join(args)}: {run.stderr.decode(errors='replace')}")
        return (folder / out).read_bytes() if out else run.stdout


CA_CONFIG = """\
[ca]
default_ca = this
[this]
database = index.txt
new_certs_dir = .
serial = serial
policy = anything
unique_subject = no
copy_extensions = none
x509_extensions = extensions
[anything]
countryName = optional
organizationName = optional
commonName = supplied
[extensions]
"""


def ssh_key_pair():
    """An Ed25519 SSH key pair as ssh-keygen writes it, and the public key in RFC 4716's format."""
    with tempfile.TemporaryDirectory() as tmp:
        key = pathlib.Path(tmp) / "id_ed25519"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "deploy@web-01", "-f", str(key)], check=True)
        rfc4716 = subprocess.run(["ssh-keygen", "-e", "-f", f"{key}.pub"], check=True, capture_output=True).stdout
        return {"id_ed25519.test-only": key.read_text(), "id_ed25519.pub": pathlib.Path(f"{key}.pub").read_text(),
                "id_ed25519-rfc4716.pub": rfc4716.decode()}


def java_keystores():
    """A key pair and its self-signed certificate in a JKS and a JCEKS keystore, as keytool -genkeypair makes them."""
    files = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("jks", "jceks"):
            store = pathlib.Path(tmp) / f"tomcat.test-only.{kind}"
            subprocess.run(["keytool", "-genkeypair", "-keystore", str(store), "-storetype", kind.upper(),
                            "-storepass", "changeit", "-keypass", "changeit", "-alias", "tomcat",
                            "-dname", "CN=www.example.com", "-keyalg", "RSA", "-keysize", "2048", "-validity", "365"],
                           check=True, capture_output=True)
            files[store.name] = store.read_bytes()
    return files


def keytool_on(folder, store):
    """`keytool ARGS` on the keystore file `store` in `folder`, with the cases' password: its stdout."""
    def keytool(*args):
        return subprocess.run(["keytool", *args, "-keystore", store, "-storepass", PASSPHRASE],
                              check=True, capture_output=True, cwd=folder).stdout
    return keytool


def keytool_key_entry(keytool, p, alias, *, serial, valid=LEAF_VALID, first=()):
    """A key entry as Tomcat's guides make one: a key pair by `keytool -genkeypair` under `alias` (`first`:
    options for a keystore not yet made), its request (-certreq) signed by the R2 intermediate. Returns the
    CA's reply, not yet imported."""
    keytool("-genkeypair", *first, "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
            "-dname", "CN=tomcat.example.com, O=Example Org, C=CN", "-validity", "365")
    request = x509.load_pem_x509_csr(
        keytool("-certreq", "-alias", alias).replace(b"NEW CERTIFICATE REQUEST", b"CERTIFICATE REQUEST"))
    return leaf_cert("tomcat.example.com", SimpleNamespace(public_key=request.public_key), p.int, p.int_key,
                     serial=serial, valid=valid, usage=("digitalSignature", "keyEncipherment"))


def keytool_import(keytool, folder, alias, cert, *extra):
    """`keytool -importcert` of `cert` under `alias` (a trusted CA, or a key entry's reply)."""
    (folder / f"{alias}.pem").write_bytes(cert.public_bytes(PEM))
    keytool("-importcert", "-noprompt", "-trustcacerts", *extra, "-alias", alias, "-file", f"{alias}.pem")


def java_tomcat_keystore(p):
    """Tomcat's own way, by keytool (OpenJDK 17): a PKCS#12 keystore (the store type since Java 9: PBES2
    AES-256 bags, HMAC-SHA256 MAC) holding a key pair made by -genkeypair whose request (-certreq) the R2
    intermediate signed, the root and intermediate imported as trusted entries before the CA's reply, as the
    CAs' Tomcat guides say; and the text `keytool -list -rfc` prints of it. Made once per run."""
    if not hasattr(p, "java_tomcat"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp)
            keytool = keytool_on(folder, "tomcat.test-only.p12")
            leaf = keytool_key_entry(keytool, p, "tomcat", serial=0x0220, first=("-storetype", "PKCS12"))
            for alias, cert in (("root", p.root), ("intermediate", p.int), ("tomcat", leaf)):
                keytool_import(keytool, folder, alias, cert)
            p.java_tomcat = (folder / "tomcat.test-only.p12").read_bytes(), keytool("-list", "-rfc").decode()
    return p.java_tomcat


def java_keystore_of(key, cert, *chain):
    """A JKS keystore holding `key` with `cert` and `chain` as one key entry (alias `tomcat`), converted by keytool
    (OpenJDK 17, -importkeystore) from a PKCS#12 file pyca wrote: how a PEM key and certificate become Tomcat's
    keystore."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "in.p12").write_bytes(pkcs12.serialize_key_and_certificates(
            b"tomcat", key, cert, list(chain), serialization.BestAvailableEncryption(PASSPHRASE.encode())))
        subprocess.run(["keytool", "-importkeystore", "-srckeystore", "in.p12", "-srcstoretype", "PKCS12",
                        "-srcstorepass", PASSPHRASE, "-destkeystore", "out.jks", "-deststoretype", "JKS",
                        "-deststorepass", PASSPHRASE], check=True, capture_output=True, cwd=folder)
        return (folder / "out.jks").read_bytes()


def java_jks_download(p):
    """A Tomcat download as Huawei Cloud CCM's ExportCertificate page lists one (`server.jks` and
    `keystorePass.txt`), made by keytool (OpenJDK 17) in Sun's JKS format: the root and the intermediate
    imported as trusted entries, a key pair made by -genkeypair whose request (-certreq) the intermediate
    signed, the CA's reply imported (the key entry's chain: leaf, intermediate, root). Made once per run."""
    if not hasattr(p, "java_jks"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp)
            keytool = keytool_on(folder, "server.jks")
            keytool_import(keytool, folder, "root", p.root, "-storetype", "JKS")
            keytool_import(keytool, folder, "intermediate", p.int)
            leaf = keytool_key_entry(keytool, p, "server", serial=0x0240)
            keytool_import(keytool, folder, "server", leaf)
            p.java_jks = (folder / "server.jks").read_bytes()
    return p.java_jks


def java_renewed_keystore(p):
    """A Tomcat keystore after a renewal made in place, by keytool (OpenJDK 17, PKCS#12): the root and
    intermediate as trusted entries, the old key entry (alias tomcat-2025, its certificate expired
    2026-09-01) and the new one (alias tomcat, valid), each made as Tomcat's guides say and the CA's
    reply imported."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        keytool = keytool_on(folder, "tomcat.test-only.p12")
        for alias, cert in (("root", p.root), ("intermediate", p.int)):
            keytool_import(keytool, folder, alias, cert, "-storetype", "PKCS12")
        for alias, valid, serial in (("tomcat-2025", (t(2025, 9, 1), t(2026, 9, 1)), 0x0230),
                                     ("tomcat", LEAF_VALID, 0x0231)):
            keytool_import(keytool, folder, alias, keytool_key_entry(keytool, p, alias, serial=serial, valid=valid))
        return (folder / "tomcat.test-only.p12").read_bytes()


def nss_exports(p12, nickname):
    """What NSS writes, from `p12` imported into a fresh NSS database (`pk12util -i`): the PKCS#12 backup
    (`pk12util -o`, as Firefox's and Thunderbird's certificate backup: BER with indefinite lengths and octet
    strings in pieces, PBES2 bags, an HMAC-SHA256 MAC of 600,000 iterations, under the same password) and a
    certs-only PKCS#7 of the certificate with its chain (`cmsutil -O`: BER; NSS leaves the root out)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "db").mkdir()
        (folder / "db-password.txt").write_text("nss database\n")
        (folder / "in.p12").write_bytes(p12)

        def nss(*args):
            subprocess.run([*args, "-d", "sql:db"], check=True, capture_output=True, cwd=folder)

        nss("certutil", "-N", "-f", "db-password.txt")
        nss("pk12util", "-i", "in.p12", "-k", "db-password.txt", "-W", PASSPHRASE)
        nss("pk12util", "-o", "out.p12", "-n", nickname, "-k", "db-password.txt", "-W", PASSPHRASE)
        nss("cmsutil", "-O", "-r", nickname, "-p", "nss database", "-o", "out.p7c")
        return (folder / "out.p12").read_bytes(), (folder / "out.p7c").read_bytes()


TOMCAT_PASSWORD = "k7Qz9pWx2Lr4"
# Another download's password (the archive with a password file per folder).
SECOND_DOWNLOAD_PASSWORD = "Vh3nR8sYq1Tc"


def zipped(tool, files, *extra):
    """An archive of `files` ({path in the archive: content}) as `tool` writes it: Info-ZIP's zip (folder
    entries, extended timestamps), Java's jar (data descriptors after each file), or Python's zipfile.
    "zip-gbk" is Info-ZIP given the names in GBK in the C locale, which writes them as the file system
    holds them with no UTF-8 flag and no Unicode field: the names as Windows' compressed folders write
    them on a Chinese system (its code page, 936)."""
    if tool == "zip-gbk":
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(os.fsencode(tmp), b"in")
            for path, content in files.items():
                target = os.path.join(root, path.encode("gbk"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as out:
                    out.write(content.encode("gbk") if isinstance(content, str) else content)
            out = os.path.join(os.fsencode(tmp), b"out.zip")
            top = sorted({path.split("/")[0].encode("gbk") for path in files})
            subprocess.run([b"zip", b"-q", b"-r", out, *top], cwd=root, check=True, capture_output=True,
                           env={**os.environ, "LC_ALL": "C"})
            return pathlib.Path(os.fsdecode(out)).read_bytes()
    if tool == "zipfile":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, content in files.items():
                archive.writestr(path, content)
        return out.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / "in"
        for path, content in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode() if isinstance(content, str) else content)
        out = pathlib.Path(tmp) / "out.zip"
        top = sorted({path.split("/")[0] for path in files})
        argv = (["zip", "-q", "-r", *extra, str(out), *top] if tool == "zip"
                else ["jar", "--create", "--no-manifest", "--file", str(out), *top])
        subprocess.run(argv, cwd=root, check=True, capture_output=True)
        return out.read_bytes()


def tarred(files, mode):
    """A tar archive of `files` ({name: content}) by Python's tarfile, `mode` "w" or "w:gz"."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as archive:
        for name, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def printed_to_pdf(text):
    """`text` shown in a web page and printed to PDF by headless Chromium, as a CA's order page is saved."""
    with tempfile.TemporaryDirectory() as tmp:
        page = pathlib.Path(tmp) / "certificate.html"
        page.write_text(f"<!doctype html><meta charset=utf-8><h1>Your certificate</h1><pre>{html.escape(text)}</pre>")
        out = pathlib.Path(tmp) / "certificate.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", page.as_uri()], check=True, capture_output=True)
        return out.read_bytes()


def word_document(paragraphs):
    """A .docx by python-docx: each string a paragraph (its line breaks written as <w:br/>)."""
    import docx
    document = docx.Document()
    document.add_heading("服务器证书 / Server certificate", 1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def open_document(paragraphs):
    """An .odt by odfpy, as LibreOffice writes one: a heading, then each string a paragraph (its line
    breaks written as <text:line-break/>)."""
    from odf import teletype, text
    from odf.opendocument import OpenDocumentText
    document = OpenDocumentText()
    document.text.addElement(text.H(outlinelevel=1, text="服务器证书 / Server certificate"))
    for paragraph in paragraphs:
        element = text.P()
        teletype.addTextToElement(element, paragraph)
        document.text.addElement(element)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def spreadsheet(rows):
    """A .xlsx by openpyxl, a row a list (the cells' text inline in the sheet's XML, where Excel writes it
    to xl/sharedStrings.xml)."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "证书清单"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def archive_cases(p):
    """The archive-* cases' files, made once for the PKI `p`."""
    if not hasattr(p, "archives"):
        p.archives = make_archives(p)
    return p.archives


ARCHIVE_CASES = [
    ("archive-nginx-download-info-zip", "an Nginx download as CAs and consoles zip it (chain without root, PKCS#1 key, "
     "a readme), by Info-ZIP's zip: folder entries, extended timestamps"),
    ("archive-tomcat-download-pfx-and-password-file", "a Tomcat/IIS download: a PKCS#12 file (pyca, AES-256) and "
     "pfx-password.txt holding its password, by Python's zipfile"),
    ("archive-apache-download-java-jar", "an Apache download (certificate, chain with root, PKCS#8 EC key) by "
     "Java's jar: data descriptors after each file"),
    ("archive-encrypted-and-cut-short", "a ZIP encrypted with a password (zip -P, ZipCrypto) and a ZIP cut short "
     "halfway (Python's zipfile)"),
    ("archive-word-document", "certificates and a key pasted into Word documents (python-docx): a paragraph per "
     "line, and one paragraph with line breaks"),
    ("archive-opendocument-text", "certificates and a key pasted into OpenDocument texts (odfpy, as LibreOffice "
     "writes them): a paragraph per line, and one paragraph with line breaks"),
    ("archive-excel-sheet", "a certificate inventory kept in a spreadsheet (openpyxl, as Excel writes one): the "
     "chain and the key each pasted into a cell"),
    ("archive-other-formats-and-pdf", "archives not opened (tar.gz and a tar of a PKCS#12 file, by Python's "
     "tarfile) and the certificate's page printed to PDF by headless Chromium"),
    ("archive-nested", "a CA's all-formats download: Python's zipfile around an Nginx ZIP (Info-ZIP) and a Tomcat ZIP "
     "(zipfile), which are named, not opened"),
    ("archive-one-folder-per-server-type", "a download with one folder per server type (Nginx: bundle and key; "
     "Apache: certificate, chain and key; IIS: PKCS#12 and its password file; Tomcat: a JKS keystore by keytool), "
     "by Info-ZIP's zip: the same certificates and key in four formats"),
    ("archive-iis-and-tomcat-own-password-files", "a download with a folder each for IIS and Tomcat, each "
     "with server.pfx and its own keystorePass.txt holding another password (pyca's PKCS#12, by Info-ZIP's zip): "
     "each PKCS#12 file opened with the password file of its folder"),
    ("archive-windows-password-files", "a download with a folder each for IIS and Tomcat whose password files were "
     "written on Windows: IIS's pfx-password.txt by PowerShell 5's redirection (UTF-16LE with its byte-order mark), "
     "Tomcat's keystorePass.txt by Notepad's ANSI on a Chinese system (GBK) holding a Chinese password for its "
     "server.pfx (pyca's PKCS#12), by Info-ZIP's zip"),
    ("archive-chinese-windows-gbk-names", "an IIS download unpacked, renamed and zipped again on a Chinese "
     "Windows: the folder 服务器证书 with 证书.pfx (pyca's PKCS#12), 密码.txt holding its password, 中间证书.crt and "
     "说明.txt (in GBK), every name in GBK without the UTF-8 flag as Windows' compressed folders write them (Info-ZIP "
     "given the GBK names in the C locale)"),
    ("archive-tomcat-download-jks", "a Tomcat download as Huawei Cloud CCM lists one: server.jks (keytool, JKS: "
     "the root and intermediate as trusted entries, the key entry with its chain) and keystorePass.txt, by "
     "Info-ZIP's zip"),
]


def make_archives(p):
    """The archives CAs and cloud consoles hand out, by the tools that write them."""
    nginx = {"example.com_nginx/example.com_bundle.pem": chain(p.leaf, p.int),
             "example.com_nginx/example.com.key": key_pem(p.leaf_key, "traditional"),
             "example.com_nginx/readme.txt": "Upload example.com_bundle.pem and example.com.key to your server.\n"}
    tomcat = {"example.com.pfx": pkcs12_bytes(p.leaf_key, p.leaf, [p.int],
                                              serialization.BestAvailableEncryption(TOMCAT_PASSWORD.encode())),
              "pfx-password.txt": TOMCAT_PASSWORD + "\n"}
    apache = {"example.com_apache/example.com_public.crt": pem(p.ec_leaf),
              "example.com_apache/example.com_chain.crt": chain(p.int, p.root),
              "example.com_apache/example.com.key": key_pem(p.ec_leaf_key)}
    whole = zipped("zipfile", {"example.com.pem": pem(p.leaf)})
    return {
        "archive-nginx-download-info-zip": {"example.com_nginx.test-only.zip": zipped("zip", nginx)},
        "archive-tomcat-download-pfx-and-password-file": {"example.com_tomcat.test-only.zip": zipped("zipfile", tomcat)},
        "archive-apache-download-java-jar": {"example.com_apache.test-only.zip": zipped("jar", apache)},
        "archive-encrypted-and-cut-short": {
            "encrypted.zip": zipped("zip", {"example.com.pem": pem(p.leaf)}, "-P", "archive password"),
            "cut-short.zip": whole[: len(whole) // 2]},
        "archive-word-document": {
            # Pasted into Word line by line (a paragraph each), and in one paragraph with line breaks.
            "a-paragraphs.docx": word_document(["证书如下（请勿修改）：", *chain(p.leaf, p.int).splitlines(), "谢谢"]),
            "b-line-breaks.test-only.docx": word_document([key_pem(p.leaf_key).rstrip("\n"), pem(p.root).rstrip("\n")])},
        "archive-opendocument-text": {
            "a-paragraphs.odt": open_document(["证书如下（请勿修改）：", *chain(p.leaf, p.int).splitlines(), "谢谢"]),
            "b-line-breaks.test-only.odt": open_document([key_pem(p.leaf_key).rstrip("\n"), pem(p.root).rstrip("\n")])},
        "archive-excel-sheet": {"certificates.test-only.xlsx": spreadsheet([
            ["域名", "证书", "私钥", "到期"],
            ["www.example.com", chain(p.leaf, p.int), key_pem(p.leaf_key), "2027-09-01"]])},
        "archive-one-folder-per-server-type": {"www.example.com_all.test-only.zip": zipped("zip", {
            "Nginx/www.example.com_bundle.crt": chain(p.leaf, p.int),
            "Nginx/www.example.com.key": key_pem(p.leaf_key, "traditional"),
            "Apache/www.example.com.crt": pem(p.leaf),
            "Apache/root_bundle.crt": pem(p.int),
            "Apache/www.example.com.key": key_pem(p.leaf_key, "traditional"),
            "IIS/www.example.com.pfx": tomcat["example.com.pfx"],
            "IIS/keystorePass.txt": tomcat["pfx-password.txt"],
            "Tomcat/www.example.com.jks": java_keystore_of(p.leaf_key, p.leaf, p.int)})},
        "archive-iis-and-tomcat-own-password-files": {"server_all.test-only.zip": zipped("zip", {
            "IIS/keystorePass.txt": tomcat["pfx-password.txt"],
            "IIS/server.pfx": tomcat["example.com.pfx"],
            "Tomcat/keystorePass.txt": SECOND_DOWNLOAD_PASSWORD + "\n",
            "Tomcat/server.pfx": pkcs12_bytes(p.leaf_key, p.leaf, [p.int],
                                              serialization.BestAvailableEncryption(SECOND_DOWNLOAD_PASSWORD.encode()))})},
        "archive-windows-password-files": {"server_iis_tomcat.test-only.zip": zipped("zip", {
            "IIS/server.pfx": tomcat["example.com.pfx"],
            "IIS/pfx-password.txt": b"\xff\xfe" + (TOMCAT_PASSWORD + "\r\n").encode("utf-16-le"),
            "Tomcat/server.pfx": pkcs12_bytes(p.leaf_key, p.leaf, [p.int],
                                              serialization.BestAvailableEncryption(CHINESE_PASSPHRASE.encode())),
            "Tomcat/keystorePass.txt": (CHINESE_PASSPHRASE + "\r\n").encode("gbk")})},
        "archive-chinese-windows-gbk-names": {"server-certificate-windows.test-only.zip": zipped("zip-gbk", {
            "服务器证书/证书.pfx": tomcat["example.com.pfx"],
            "服务器证书/密码.txt": tomcat["pfx-password.txt"],
            "服务器证书/中间证书.crt": pem(p.int),
            "服务器证书/说明.txt": "证书.pfx 的密码在 密码.txt 中。\r\n"})},
        "archive-tomcat-download-jks": {"server_tomcat.test-only.zip": zipped("zip", {
            "Tomcat/server.jks": java_jks_download(p), "Tomcat/keystorePass.txt": PASSPHRASE + "\n"})},
        "archive-nested": {"all-formats.test-only.zip": zipped("zipfile", {
            "example.com_nginx.zip": zipped("zip", nginx), "example.com_tomcat.zip": zipped("zipfile", tomcat),
            "说明.txt": "每种服务器一个压缩包。\n"})},
        "archive-other-formats-and-pdf": {
            "example.com.tar.gz": tarred({"example.com.pem": pem(p.leaf)}, "w:gz"),
            "example.com_tomcat.test-only.tar": tarred(tomcat, "w"),
            "certificate.pdf": printed_to_pdf(pem(p.leaf))},
    }


def openssl_ca(request_pem, signer_key_pem, *, issuer_pem=None, md, valid, serial, extensions, sm2=False):
    """Signs a PKCS#10 request with `openssl ca`, which takes fixed dates (self-signed without issuer)."""
    stamp = lambda moment: moment.strftime("%Y%m%d%H%M%SZ")  # noqa: E731
    serial_hex = format(serial, "x")
    files = {
        "index.txt": "", "serial": serial_hex.zfill(len(serial_hex) + len(serial_hex) % 2) + "\n",
        "ca.cnf": CA_CONFIG + "\n".join(extensions) + "\n", "request.csr": request_pem, "signer.key": signer_key_pem,
    }
    args = ["ca", "-batch", "-config", "ca.cnf", "-in", "request.csr", "-keyfile", "signer.key", "-md", md,
            "-startdate", stamp(valid[0]), "-enddate", stamp(valid[1]), "-notext", "-preserveDN", "-out", "out.pem"]
    if issuer_pem:
        files["issuer.pem"] = issuer_pem
        args += ["-cert", "issuer.pem"]
    else:
        args.append("-selfsign")
    if sm2:
        args += ["-sigopt", f"distid:{SM2_ID}", "-vfyopt", f"distid:{SM2_ID}"]
    return openssl(*args, files=files, out="out.pem").decode()


def sm2_chain():
    """An SM2 root and leaf, signed with SM2/SM3 (default distinguishing ID) by the openssl CLI."""
    root_key = openssl("genpkey", "-algorithm", "SM2").decode()
    leaf_key = openssl("genpkey", "-algorithm", "SM2").decode()

    def request(key, subject):
        return openssl("req", "-new", "-key", "key.pem", "-sm3", "-sigopt", f"distid:{SM2_ID}", "-subj", subject,
                       files={"key.pem": key}).decode()

    root = openssl_ca(request(root_key, "/C=CN/O=cert-preflight test/CN=Preflight Test Root SM2"), root_key,
                      md="sm3", valid=ROOT_VALID, serial=0x5302, sm2=True, extensions=[
                          "basicConstraints = critical,CA:TRUE", "keyUsage = critical,keyCertSign,cRLSign",
                          "subjectKeyIdentifier = hash"])
    leaf = openssl_ca(request(leaf_key, "/C=CN/O=Example Org/CN=sm2.example.cn"), root_key, issuer_pem=root,
                      md="sm3", valid=LEAF_VALID, serial=0x5303, sm2=True, extensions=[
                          "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature",
                          "extendedKeyUsage = serverAuth", "subjectAltName = DNS:sm2.example.cn",
                          "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])
    return SimpleNamespace(root=root, leaf=leaf, leaf_key=leaf_key)


def sha1_leaf(key, issuer, issuer_key):
    """pyca refuses to sign with SHA-1, so `openssl ca -md sha1` signs this one."""
    request = csr_for("sha1.example.com", key).public_bytes(PEM)
    return openssl_ca(request, key_pem(issuer_key), issuer_pem=pem(issuer), md="sha1", valid=LEAF_VALID,
                      serial=0x5A1, extensions=[
                          "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature,keyEncipherment",
                          "extendedKeyUsage = serverAuth,clientAuth", "subjectAltName = DNS:sha1.example.com",
                          "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])


def renewed_leaves(issuer, issuer_key):
    """A site's certificate and its renewal, each with its own key, as a renewal leaves them in one
    folder: `openssl req -newkey` then `openssl ca` by the intermediate; the first one expired nine
    days before the cases' now (2025-11-13 .. 2026-11-13), the renewal valid (2026-11-01 .. 2027-11-01)."""
    pair = {}
    for year, valid, serial in (("2025", (t(2025, 11, 13), t(2026, 11, 13)), 0x7E01),
                                ("2026", (t(2026, 11, 1), t(2027, 11, 1)), 0x7E02)):
        key = openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048").decode()
        request = openssl("req", "-new", "-key", "key.pem", "-subj", "/C=CN/O=Example Org/CN=www.example.com",
                          files={"key.pem": key}).decode()
        pair[year] = (openssl_ca(request, key_pem(issuer_key), issuer_pem=pem(issuer), md="sha256", valid=valid,
                                 serial=serial, extensions=[
                                     "basicConstraints = critical,CA:FALSE",
                                     "keyUsage = critical,digitalSignature,keyEncipherment",
                                     "extendedKeyUsage = serverAuth", "subjectAltName = DNS:www.example.com",
                                     "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"]), key)
    return pair


def old_weak_leaf(issuer, issuer_key):
    """The certificate a renewal replaced years of practice ago, as old servers kept it: a 1,024-bit RSA
    key, signed with SHA-1 (`openssl req`, then `openssl ca -md sha1` by the intermediate), expired
    (2025-07-01 .. 2025-10-01)."""
    key = openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024").decode()
    request = openssl("req", "-new", "-key", "key.pem", "-subj", "/C=CN/O=Example Org/CN=www.example.com",
                      files={"key.pem": key}).decode()
    return openssl_ca(request, key_pem(issuer_key), issuer_pem=pem(issuer), md="sha1",
                      valid=(t(2025, 7, 1), t(2025, 10, 1)), serial=0x7E00, extensions=[
                          "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature,keyEncipherment",
                          "extendedKeyUsage = serverAuth", "subjectAltName = DNS:www.example.com"])


def cross_signed_under_expired_root():
    """A bundle as Let's Encrypt's stood from 2021 to 2024: the leaf (with its key), its intermediate,
    the current root cross-signed by the old root (still valid) and the old root, which expired
    (2026-09-30, before the cases' now); the current root's self-signed form is in the clients' trust
    stores, not in the bundle (pyca)."""
    old_key, new_key, int_key, leaf_key = rsa_key(), rsa_key(), rsa_key(), ec_key()
    old_root = ca_cert("Preflight Test Old External Root", old_key, serial=0xA001,
                       valid=(t(2016, 9, 30), t(2026, 9, 30)))
    cross = ca_cert("Preflight Test Current Root", new_key, old_root, old_key, serial=0xA002,
                    valid=(t(2021, 1, 20), t(2027, 9, 30)))
    # The intermediate is issued by the current root's key; its issuer name is the cross-sign's subject.
    intermediate = ca_cert("Preflight Test Current Intermediate", int_key, cross, new_key, serial=0xA003, path_len=0)
    leaf = leaf_cert("cross.example.com", leaf_key, intermediate, int_key, serial=0xA004)
    # Named as CAs name their downloads (the bundle sorts before the certificate).
    return {"cross_example_com.crt": pem(leaf), "cross_example_com.ca-bundle": chain(intermediate, cross, old_root),
            "cross_example_com.test-only.key": key_pem(leaf_key)}


def cross_signed_r2_root(p):
    """The R2 root cross-signed by an older root (the R2 root's subject and key, issued by the older
    root, valid 2025-01-01 .. 2029-01-01), as Sectigo ships USERTrust cross-signed by AAA Certificate
    Services beside its self-signed form (pyca); made once per run."""
    if not hasattr(p, "r2_cross"):
        old_key = rsa_key()
        old_root = ca_cert("Preflight Test Legacy Root", old_key, serial=0xB001, valid=ROOT_VALID)
        p.r2_cross = issue(p.root.subject, p.root_key, old_root, old_key, ca=True, serial=0xB002,
                           valid=(t(2025, 1, 1), t(2029, 1, 1)), usage=("keyCertSign", "cRLSign"))
    return p.r2_cross


def web_server_folder(issuer, issuer_key):
    """What a web server's TLS folder holds beside the certificate, all by the openssl CLI: the key as
    `openssl ecparam -genkey` writes it (EC PARAMETERS, then EC PRIVATE KEY), its certificate signed by
    `openssl ca`, the intermediate, Nginx's ssl_dhparam file (`openssl genpkey -genparam`, ffdhe2048:
    DH PARAMETERS) and the intermediate's CRL (`openssl ca -gencrl`: X509 CRL)."""
    key = openssl("ecparam", "-name", "prime256v1", "-genkey").decode()
    request = openssl("req", "-new", "-key", "key.pem", "-subj", "/C=CN/O=Example Org/CN=nginx.example.com",
                      files={"key.pem": key}).decode()
    certificate = openssl_ca(request, key_pem(issuer_key), issuer_pem=pem(issuer), md="sha256", valid=LEAF_VALID,
                             serial=0x7E10, extensions=[
                                 "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature",
                                 "extendedKeyUsage = serverAuth", "subjectAltName = DNS:nginx.example.com",
                                 "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])
    dhparam = openssl("genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048").decode()
    crl = openssl("ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "signer.key", "-cert", "issuer.pem", "-md",
                  "sha256", "-crldays", "30", "-out", "out.pem",
                  files={"index.txt": "", "serial": "7e11\n", "ca.cnf": CA_CONFIG, "signer.key": key_pem(issuer_key),
                         "issuer.pem": pem(issuer)}, out="out.pem").decode()
    return {"nginx.example.com.key": key, "nginx.example.com.crt": certificate, "chain.crt": pem(issuer),
            "dhparam.pem": dhparam, "intermediate.crl": crl}


def serial_leaf(issuer, issuer_key, serial):
    """A leaf (its key, the intermediate beside it) whose serial number RFC 5280 §4.1.2.2 does not allow,
    both as the openssl CLI writes it: `openssl ca` takes any length from its serial file; a negative
    one is set by `openssl x509 -CA … -set_serial -0x… -preserve_dates`, re-signing the certificate by the
    intermediate (`openssl ca` refuses a negative serial file)."""
    key = openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256").decode()
    request = openssl("req", "-new", "-key", "key.pem", "-subj", "/C=CN/O=Example Org/CN=serial.example.com",
                      files={"key.pem": key}).decode()
    # `openssl x509 -CA` re-signs only a self-signed certificate: the negative one starts self-signed.
    signer = {"issuer_pem": pem(issuer)} if serial >= 0 else {}
    certificate = openssl_ca(request, key if serial < 0 else key_pem(issuer_key), **signer, md="sha256",
                             valid=LEAF_VALID, serial=abs(serial), extensions=[
                                 "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature",
                                 "extendedKeyUsage = serverAuth", "subjectAltName = DNS:serial.example.com",
                                 "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])
    if serial < 0:
        certificate = openssl("x509", "-in", "leaf.pem", "-CA", "issuer.pem", "-CAkey", "signer.key", "-set_serial",
                              f"-{abs(serial):#x}", "-preserve_dates", "-out", "out.pem",
                              files={"leaf.pem": certificate, "issuer.pem": pem(issuer),
                                     "signer.key": key_pem(issuer_key)}, out="out.pem").decode()
    return {"serial.example.com.crt": certificate, "serial.example.com.key": key, "intermediate.crt": pem(issuer)}


def openssl_key(key, *args):
    return openssl(*args, "-passout", f"pass:{PASSPHRASE}", stdin=key_pem(key).encode()).decode()


def pkcs12_rc2_40(key, cert, extra):
    """RC2-40 for the certificate bag needs `-legacy` (OpenSSL 3's legacy provider)."""
    return openssl("pkcs12", "-export", "-legacy", "-certpbe", "PBE-SHA1-RC2-40", "-keypbe", "PBE-SHA1-3DES",
                   "-macalg", "sha1", "-in", "leaf.pem", "-inkey", "key.pem", "-certfile", "chain.pem",
                   "-name", "www.example.com", "-passout", f"pass:{PASSPHRASE}", "-out", "out.p12",
                   files={"leaf.pem": pem(cert), "key.pem": key_pem(key), "chain.pem": chain(*extra)}, out="out.p12")


# A password beyond ASCII, and the form OpenSSL before 1.1.0 (1.0.2 is CentOS 7's) gave such a password to
# the PKCS#12 KDF: each byte of its UTF-8 one character (OPENSSL_asc2uni), where RFC 7292 wants its UTF-16.
# OpenSSL 3 given the widened text derives from exactly those BMP characters, so it writes what 1.0.2 wrote
# for the password itself.
CHINESE_PASSPHRASE = "证书密码2026"


def old_openssl_form(password):
    """`password` as OpenSSL before 1.1.0 made a PKCS#12 BMPString of it: each UTF-8 byte a character."""
    return password.encode().decode("latin-1")


def centos7_pkcs12(key, cert, extra):
    """`openssl pkcs12 -export` as OpenSSL 1.0.2 wrote it for CHINESE_PASSPHRASE: its defaults (RC2-40
    certificate bag, 3DES key, SHA-1 MAC of 2048 iterations: OpenSSL 3's -legacy) and the password's old form.
    OpenSSL 3's own command opens it with the password itself only by its retry of that form."""
    p12 = openssl("pkcs12", "-export", "-legacy", "-in", "leaf.pem", "-inkey", "key.pem", "-certfile", "chain.pem",
                  "-passout", f"pass:{old_openssl_form(CHINESE_PASSPHRASE)}", "-out", "out.p12",
                  files={"leaf.pem": pem(cert), "key.pem": key_pem(key), "chain.pem": chain(*extra)}, out="out.p12")
    run = subprocess.run(["openssl", "pkcs12", "-legacy", "-noout", "-passin", f"pass:{CHINESE_PASSPHRASE}"],
                         input=p12, capture_output=True)
    assert run.returncode == 0 and b"using broken algorithm" in run.stderr, run.stderr
    return p12


def centos7_pkcs8(key):
    """`openssl pkcs8 -topk8` as OpenSSL 1.0.2 wrote it by default (PBE-SHA1-3DES, the PKCS#12 KDF) for
    CHINESE_PASSPHRASE, in the password's old form."""
    text = openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", *LEGACY_PROVIDER, "-passout",
                   f"pass:{old_openssl_form(CHINESE_PASSPHRASE)}", stdin=key_pem(key).encode()).decode()
    for password, opens in ((CHINESE_PASSPHRASE, False), (old_openssl_form(CHINESE_PASSPHRASE), True)):
        try:
            serialization.load_pem_private_key(text.encode(), password.encode())
            assert opens, "the password itself opens what should need its old form"
        except ValueError:
            assert not opens, "the old form does not open it"
    return text


def pkcs12_unencrypted(key, cert, extra):
    """`openssl pkcs12 -export -keypbe NONE -certpbe NONE -nomac`: the key in a plain key bag, nothing
    encrypted, no MAC (what some scripts write for a machine that reads it at once)."""
    return openssl("pkcs12", "-export", "-keypbe", "NONE", "-certpbe", "NONE", "-nomac", "-in", "leaf.pem",
                   "-inkey", "key.pem", "-certfile", "chain.pem", "-name", "www.example.com", "-passout", "pass:",
                   "-out", "out.p12", files={"leaf.pem": pem(cert), "key.pem": key_pem(key), "chain.pem": chain(*extra)},
                   out="out.p12")


def pkcs12_nokeys_text(p12):
    return openssl("pkcs12", "-in", "in.p12", "-nokeys", "-passin", f"pass:{PASSPHRASE}",
                   files={"in.p12": p12}).decode()


def pkcs7_der_openssl(*certs):
    return openssl("crl2pkcs7", "-nocrl", "-certfile", "chain.pem", "-outform", "DER",
                   files={"chain.pem": chain(*certs)})


# --- keys encrypted and typed by the openssl CLI (issue 13) ------------------------------------------

LEGACY_PROVIDER = ("-provider", "legacy", "-provider", "default")  # DES, RC2, RC4 in OpenSSL 3


def openssl_pkcs8(key, *args):
    """`openssl pkcs8 -topk8 args` with the legacy provider, encrypted with the case passphrase."""
    return openssl("pkcs8", "-topk8", *args, *LEGACY_PROVIDER, "-passout", f"pass:{PASSPHRASE}",
                   stdin=key_pem(key).encode()).decode()


def openssl_traditional(key_pem_text, cipher):
    """Legacy encrypted PEM (Proc-Type/DEK-Info) by `openssl pkey -traditional -<cipher>`."""
    return openssl("pkey", "-traditional", f"-{cipher}", *LEGACY_PROVIDER, "-passout", f"pass:{PASSPHRASE}",
                   stdin=key_pem_text.encode()).decode()


def openssl_dsa_key():
    params = openssl("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048")
    return openssl("genpkey", "-paramfile", "params.pem", files={"params.pem": params}).decode()


def patched_iterations(pem_text, old, new):
    """The DER of a PEM block with one INTEGER's encoding replaced by another of the same length: a
    key whose key derivation asks for far more than any tool writes (made by openssl, then patched;
    its ciphertext is never reached)."""
    lines = pem_text.strip().splitlines()
    der = base64.b64decode("".join(lines[1:-1]))
    assert len(old) == len(new) and der.count(old) == 1, (old, new)
    return pem_wrap(lines[0][11:-5], der.replace(old, new))


def over_ceiling_pbkdf2(key):
    """PBKDF2 with 2^31 - 1 iterations: made with -iter 16777216 (02 04 01 00 00 00), then patched."""
    made = openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-iter", "16777216", "-passout", f"pass:{PASSPHRASE}",
                   stdin=key_pem(key).encode()).decode()
    return patched_iterations(made, bytes.fromhex("020401000000"), bytes.fromhex("02047fffffff"))


def over_ceiling_scrypt(key):
    """scrypt with N = 2^22, r = 1 (512 MiB): made with -scrypt_N 32768 -scrypt_r 1, then N patched."""
    made = openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-scrypt", "-scrypt_N", "32768", "-scrypt_r", "1",
                   "-scrypt_p", "1", "-passout", f"pass:{PASSPHRASE}", stdin=key_pem(key).encode()).decode()
    return patched_iterations(made, bytes.fromhex("0203008000"), bytes.fromhex("0203400000"))


# --- text forms ----------------------------------------------------------------------------------

def openssl_name(n):
    return ", ".join(f"{a.rfc4514_attribute_name} = {a.value}" for a in n)


def s_client_transcript(certs):
    """Looks like `openssl s_client -connect host:443 -showcerts 2>&1` (format of OpenSSL 3.0)."""
    when = lambda moment: moment.strftime("%b %e %H:%M:%S %Y GMT")  # noqa: E731
    lines = []
    for depth, cert in reversed(list(enumerate(certs))):
        lines += [f"depth={depth} {openssl_name(cert.subject)}", "verify return:1"]
    lines += ["CONNECTED(00000003)", "---", "Certificate chain"]
    for i, cert in enumerate(certs):
        bits = cert.public_key().key_size
        lines += [f" {i} s:{openssl_name(cert.subject)}", f"   i:{openssl_name(cert.issuer)}",
                  f"   a:PKEY: rsaEncryption, {bits} (bit); sigalg: RSA-SHA256",
                  f"   v:NotBefore: {when(cert.not_valid_before_utc)}; NotAfter: {when(cert.not_valid_after_utc)}"]
        lines += pem(cert).splitlines()
    lines += ["---", "Server certificate", f"subject={openssl_name(certs[0].subject)}",
              f"issuer={openssl_name(certs[0].issuer)}", "---", "No client certificate CA names sent",
              "Peer signing digest: SHA256", "Peer signature type: RSA-PSS", "Server Temp Key: X25519, 253 bits", "---",
              "SSL handshake has read 2817 bytes and written 393 bytes", "Verification: OK", "---",
              "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384", "Server public key is 2048 bit",
              "Secure Renegotiation IS NOT supported", "Compression: NONE", "Expansion: NONE", "No ALPN negotiated",
              "Early data was not sent", "Verify return code: 0 (ok)", "---", "DONE"]
    return "\n".join(lines) + "\n"


def mixed_line_endings(text):
    """Every other line ends in CRLF, the rest in LF."""
    return "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(text.splitlines()))


def random_certificate_block():
    """Valid base64 under a CERTIFICATE label, but not DER (first byte 0x00, never a SEQUENCE)."""
    return pem_wrap("CERTIFICATE", b"\x00" + os.urandom(479))


# --- mangled PEM, as tools mangle it (issue 13), each beside its original -------------------------

def b64(text):
    return base64.b64encode(text if isinstance(text, bytes) else text.encode()).decode()


def with_original(files):
    """{name: (mangled, original PEM)} -> the case's files: input/<name> and original/<name>."""
    out = {}
    for file_name, (mangled, original) in files.items():
        out[file_name] = mangled
        out["original/" + file_name] = original
    return out


def one_line(text, between=""):
    return between.join(text.strip().splitlines())


def terraform_state(p):
    """A Terraform state (format version 4) as `terraform show -json`'s raw state holds the tls provider's
    resources: key and certificate PEM values in instances' attributes."""
    key, cert, ca = key_pem(p.leaf_key, "traditional"), pem(p.leaf), pem(p.int)
    state = {
        "version": 4, "terraform_version": "1.9.8", "serial": 3, "lineage": "5f0c1f9e-1111-2222-3333-444455556666",
        "outputs": {},
        "resources": [
            {"mode": "managed", "type": "tls_private_key", "name": "leaf", "provider": "provider[\"registry.terraform.io/hashicorp/tls\"]",
             "instances": [{"schema_version": 1, "attributes": {
                 "algorithm": "RSA", "id": "0f3a", "private_key_pem": key, "rsa_bits": 2048}, "sensitive_attributes": []}]},
            {"mode": "managed", "type": "tls_locally_signed_cert", "name": "leaf",
             "provider": "provider[\"registry.terraform.io/hashicorp/tls\"]",
             "instances": [{"schema_version": 0, "attributes": {
                 "ca_cert_pem": ca, "cert_pem": cert, "id": "1234", "validity_period_hours": 8760}}]},
        ],
    }
    return json.dumps(state, indent=2), key + ca + cert


def kubernetes_secret(p, as_json=False):
    """A kubernetes.io/tls Secret as `kubectl get secret -o yaml` (or `-o json`) shows it: base64 values."""
    crt, key = chain(p.leaf, p.int), key_pem(p.leaf_key)
    secret = {"apiVersion": "v1", "data": {"tls.crt": b64(crt), "tls.key": b64(key)}, "kind": "Secret",
              "metadata": {"name": "shop-tls", "namespace": "default"}, "type": "kubernetes.io/tls"}
    text = json.dumps(secret, indent=4) if as_json else yaml.safe_dump(secret, sort_keys=False)
    return text, crt + key


def keystore_secret(keystore, as_json=False):
    """An Opaque Secret holding a Java app's keystore and its password, as `kubectl get secret -o yaml` (or
    `-o json`) shows it: base64 values, one line each."""
    secret = {"apiVersion": "v1",
              "data": {"keystore.jks": base64.b64encode(keystore).decode(), "keystore.password": b64(PASSPHRASE)},
              "kind": "Secret", "metadata": {"name": "tomcat-keystore", "namespace": "default"}, "type": "Opaque"}
    return json.dumps(secret, indent=4) if as_json else yaml.safe_dump(secret, sort_keys=False)


def xml_attribute(text):
    """The PEM as an XML attribute value, as ElementTree writes it (line breaks as &#10;)."""
    return ElementTree.tostring(ElementTree.Element("certificate", value=text), encoding="unicode") + "\n"


FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)} | {0x20: 0x3000}


def full_width_markers(text):
    """The BEGIN/END lines as an input method in full-width mode types them (the body left ASCII)."""
    return "".join(line.translate(FULL_WIDTH) if line.startswith("-----") else line
                   for line in text.splitlines(keepends=True))


def run_tool(argv, text, ok=(0,)):
    """What a command-line tool prints given `text` on its standard input."""
    run = subprocess.run(argv, input=text.encode(), capture_output=True, check=False)
    if run.returncode not in ok:
        raise RuntimeError(f"{argv}: {run.stderr.decode()}")
    return run.stdout.decode()


def padded_certificates(p):
    """Two certificates of the PKI whose base64 ends in padding (`=`), leaf first."""
    padded = [c for c in (p.leaf, p.ec_leaf, p.int, p.root) if len(c.public_bytes(serialization.Encoding.DER)) % 3]
    return padded[:2]


def e_mail(p, attached):
    """A CA's message as Python's email package writes it to a .eml file: the chain in a quoted-printable
    text body, or attached as chain.pem."""
    from email import policy
    from email.message import EmailMessage
    message = EmailMessage()
    message["Subject"] = "您的证书已签发 / Your certificate is issued"
    message["From"] = "ca@example.com"
    message["To"] = "ops@example.com"
    pems = chain(*padded_certificates(p))
    if attached:
        message.set_content("您好，证书见附件。\n")
        message.add_attachment(pems.encode(), maintype="application", subtype="x-pem-file", filename="chain.pem")
    else:
        message.set_content("您好，证书如下：\n\n" + pems + "\n谢谢\n", cte="quoted-printable")
    return message.as_bytes(policy=policy.SMTP)


def recovered_cases():
    key_of = lambda p: key_pem(p.leaf_key)  # noqa: E731
    return [
        Case("recovered-json-api-example",
             "an upload API's JSON request example (as Huawei ELB documents it): key and certificate as escaped strings",
             lambda p: with_original({"request.json": (json.dumps({"certificate": {
                 "name": "My Certificate", "type": "server", "private_key": key_of(p),
                 "certificate": chain(p.leaf, p.int)}}, indent=2) + "\n", key_of(p) + chain(p.leaf, p.int))})),
        Case("recovered-json-strings-escaped",
             "json.dumps of a chain (quotes and \\n), the same without its quotes, and json.dumps applied twice",
             lambda p: with_original({
                 "a-chain.json": (json.dumps(chain(p.leaf, p.int)), chain(p.leaf, p.int)),
                 "b-escaped.txt": (json.dumps(pem(p.leaf)).strip('"') + "\n", pem(p.leaf)),
                 "c-twice.json": (json.dumps(json.dumps(key_of(p))), key_of(p))})),
        Case("recovered-yaml-pyyaml", "PyYAML's safe_dump of PEM values: its plain style and its double-quoted style",
             lambda p: with_original({
                 "a-plain.yaml": (yaml.safe_dump({"tls": {"cert": pem(p.leaf), "chain": pem(p.int)}}, sort_keys=False),
                                  chain(p.leaf, p.int)),
                 "b-double-quoted.yaml": (yaml.safe_dump({"cert": pem(p.leaf), "key": key_of(p)}, sort_keys=False,
                                                         default_style='"'), pem(p.leaf) + key_of(p))})),
        Case("recovered-kubernetes-secret", "a kubernetes.io/tls Secret: tls.crt and tls.key as base64 of PEM files (YAML and JSON)",
             lambda p: with_original({"secret.json": kubernetes_secret(p, as_json=True),
                                      "secret.yaml": kubernetes_secret(p)})),
        Case("recovered-kubernetes-secret-keystore", "a Tomcat keystore (keytool's JKS) as a Kubernetes Secret holds "
             "it, base64 on one line as `kubectl get secret -o jsonpath='{.data.keystore\\.jks}'` prints it, the "
             "same wrapped at 76 columns as `base64` writes it, and the whole Secret with its password as "
             "`kubectl get secret -o yaml` and `-o json` show it (PyYAML, json)",
             lambda p: (lambda keystore: with_original({
                 "keystore.jks.b64": (base64.b64encode(keystore).decode(), keystore),
                 "keystore.jks.wrapped.b64": (base64.encodebytes(keystore).decode(), keystore),
                 "secret.json": (keystore_secret(keystore, as_json=True), keystore),
                 "secret.yaml": (keystore_secret(keystore), keystore)}))(
                     java_keystore_of(p.leaf_key, p.leaf, p.int))),
        Case("recovered-cloud-api-zip-base64", "a certificate download a cloud API answers as base64 of a ZIP archive: "
             "Tencent Cloud's DownloadCertificate JSON (its documented Response: Content, ContentType application/zip, "
             "RequestId; Python's json, indented) holding an Nginx download, and an Apache download's archive as "
             "coreutils' base64 writes it (76 columns); both archives by Info-ZIP's zip",
             lambda p: {
                 "download-certificate.json": json.dumps({"Response": {
                     "Content": base64.b64encode(zipped("zip", {
                         "www.example.com_nginx/www.example.com_bundle.crt": chain(p.leaf, p.int),
                         "www.example.com_nginx/www.example.com.key": key_of(p)})).decode(),
                     "ContentType": "application/zip",
                     "RequestId": "6f1c2d9e-3b47-4a8e-9c05-2d7b1e4f8a60"}}, indent=4) + "\n",
                 "www.example.com_apache.zip.b64": subprocess.run(["base64"], input=zipped("zip", {
                     "www.example.com_apache/2_www.example.com.crt": pem(p.leaf),
                     "www.example.com_apache/1_root_bundle.crt": pem(p.int),
                     "www.example.com_apache/3_www.example.com.key": key_of(p)}),
                     capture_output=True, check=True).stdout}),
        Case("recovered-helm-values-keystore-block", "a Tomcat keystore (keytool's JKS) pasted into a Helm values file "
             "as a YAML block scalar: coreutils' base64 (76 columns) indented under `jks: |`, the keystore's password "
             "after it",
             lambda p: (lambda keystore: with_original({
                 "values.yaml": ("tomcat:\n  replicaCount: 2\n  keystore:\n    jks: |\n" + "".join(
                     f"      {line}\n" for line in subprocess.run(["base64"], input=keystore, capture_output=True,
                                                                    check=True).stdout.decode().splitlines())
                     + f"    password: {PASSPHRASE}\n", keystore)}))(
                     java_keystore_of(p.leaf_key, p.leaf, p.int))),
        Case("recovered-terraform-state", "Terraform state JSON with the tls provider's key, CA and certificate PEM values",
             lambda p: with_original({"terraform.tfstate": terraform_state(p)})),
        Case("recovered-url-encoded", "urllib.parse.quote of a chain and quote_plus of a key",
             lambda p: with_original({"a-chain.txt": (urllib.parse.quote(chain(p.leaf, p.int)), chain(p.leaf, p.int)),
                                      "b-key.txt": (urllib.parse.quote_plus(key_of(p)), key_of(p))})),
        Case("recovered-html-and-xml", "PEM as an XML attribute (ElementTree writes &#10;) and as html.escape'd text with <br>",
             lambda p: with_original({"a-attribute.xml": (xml_attribute(pem(p.leaf)), pem(p.leaf)),
                                      "b-page.html": ("<p>" + html.escape(pem(p.int)).replace("\n", "<br>") + "</p>\n",
                                                      pem(p.int))})),
        Case("recovered-one-line-spaces-tabs", "blocks on one line (no breaks, spaces, tabs), as web forms and mail leave them",
             lambda p: with_original({"a-glued.pem": (one_line(key_of(p)) + "\n", key_of(p)),
                                      "b-spaces.pem": (one_line(pem(p.leaf), " ") + "\n", pem(p.leaf)),
                                      "c-tabs.pem": (one_line(pem(p.int), "\t") + "\n", pem(p.int))})),
        Case("recovered-bare-base64", "base64 bodies without BEGIN/END lines: a certificate (one line), a key (76 columns), a CSR",
             lambda p: with_original({
                 "a-cert.txt": (base64.b64encode(p.leaf.public_bytes(DER)).decode() + "\n", pem(p.leaf)),
                 "b-key.txt": (base64.encodebytes(p.leaf_key.private_bytes(
                     DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())).decode(), key_of(p)),
                 "c-request.txt": (base64.b64encode(p.leaf_csr.public_bytes(DER)).decode() + "\n",
                                   p.leaf_csr.public_bytes(PEM).decode())})),
        Case("recovered-label-from-content",
             "certificates under PUBLIC KEY, X509 CERTIFICATE and NEW CERTIFICATE REQUEST labels; openssl x509 -trustout",
             lambda p: with_original({"a-chain.pem": (
                 pem(p.leaf).replace("CERTIFICATE", "PUBLIC KEY") + pem(p.int).replace("CERTIFICATE", "X509 CERTIFICATE")
                 + pem(p.root).replace("CERTIFICATE", "NEW CERTIFICATE REQUEST"), chain(p.leaf, p.int, p.root)),
                 "b-trusted-root.pem": (openssl("x509", "-trustout", "-addtrust", "serverAuth",
                                                stdin=pem(p.root).encode()).decode(), pem(p.root))})),
        Case("recovered-mail-chat-and-input-methods",
             "a chain in a reply quoted twice (textwrap.indent with '> ', as mail clients quote), a key with zero-width "
             "spaces where a chat app wrapped it, a certificate from a web page (html.unescape of &nbsp; in its labels), "
             "one with BEGIN/END typed in full-width, one commented out in a shell script, and one with BEGIN/END "
             "lines typed by hand (four dashes and spaces, six dashes and lower case), a root as C string literals "
             "(one per line, as firmware embeds it), a certificate as a JSON array of its lines, one as cat -n prints it "
             "a key as diff -u shows it added, a root in a note saved as GBK, and a certificate run on between the words "
             "of a chat message",
             lambda p: with_original({
                 "a-reply.txt": ("Here is the chain you asked for.\n\n"
                                 + textwrap.indent("On Monday you wrote:\n" + textwrap.indent(chain(p.leaf, p.int), "> "), "> ")
                                 + "\nThanks\n", chain(p.leaf, p.int)),
                 "b-chat.txt": ("证书私钥如下：\n" + key_of(p).replace("\n", "\u200b\n"), key_of(p)),
                 "c-page.txt": (html.unescape(pem(p.int).replace(" CERTIFICATE", "&nbsp;CERTIFICATE")), pem(p.int)),
                 "d-full-width.txt": ("根证书：\n" + full_width_markers(pem(p.root)), pem(p.root)),
                 "e-install.sh": ("#!/bin/sh\n# The old leaf, kept for reference:\n" + textwrap.indent(pem(p.leaf), "# ")
                                  + "echo done\n", pem(p.leaf)),
                 "g-firmware.c": ("#include <stdint.h>\n\n/* As Arduino and ESP-IDF examples embed a root. */\nconst char *root_ca = \\\n"
                                  + " \\\n".join(f'"{line}\\n"' for line in pem(p.root).splitlines()) + ";\n", pem(p.root)),
                 "h-lines.json": (json.dumps({"name": "leaf", "certificate": pem(p.leaf).splitlines()}, indent=2) + "\n",
                                  pem(p.leaf)),
                 "i-cat-n.txt": (run_tool(["cat", "-n"], pem(p.int)), pem(p.int)),
                 "j-added.diff": (run_tool(["diff", "-u", "/dev/null", "-"], key_of(p), ok=(0, 1)), key_of(p)),
                 "k-note-gbk.txt": (("根证书如下，请查收：" + pem(p.root).replace("\n", "\r\n") + "谢谢。\r\n").encode("gbk"),
                                    pem(p.root)),
                 "l-message.txt": ("证书：" + pem(p.leaf).rstrip("\n") + "谢谢！\n", pem(p.leaf)),
                 "f-typed.txt": (pem(p.int).replace("-----", "---- ", 1).replace("-----\n", " ----\n", 1)
                                 .replace("-----END CERTIFICATE-----", "------end certificate------"), pem(p.int))})),
        Case("recovered-e-mail-source",
             "a CA's e-mail saved as .eml by Python's email package: a chain in its quoted-printable text body (the "
             "certificates chosen with base64 padding, which quoted-printable writes =3D), and a chain attached as a file "
             "(base64 of the file)",
             lambda p: with_original({
                 "a-quoted-printable.eml": (e_mail(p, attached=False), chain(*padded_certificates(p))),
                 "b-attached.eml": (e_mail(p, attached=True), chain(*padded_certificates(p)))})),
        Case("recovered-base64-of-windows-unicode-text",
             "base64 of a chain's Windows \"Unicode\" text (UTF-16LE, no byte-order mark, CRLF lines), as PowerShell "
             "writes it with [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($pem))",
             lambda p: with_original({
                 "chain-base64.txt": (b64(chain(p.leaf, p.int).replace("\n", "\r\n").encode("utf-16-le")) + "\n",
                                      chain(p.leaf, p.int))})),
        Case("recovered-base64-of-json-string", "base64 of a JSON string of a PEM chain: two layers",
             lambda p: with_original({"chain.b64": (b64(json.dumps(chain(p.leaf, p.int))) + "\n", chain(p.leaf, p.int))})),
    ]


# --- the keys and certificates every generated case draws from -----------------------------------

def make_pki():
    p = SimpleNamespace()
    # E1: the first corpus' PKI (RSA root, P-384 intermediate, P-256 leaf; no SKI/AKI/key usage).
    p.e1_root_key, p.e1_int_key, p.e1_leaf_key = rsa_key(), ec_key(ec.SECP384R1), ec_key()
    p.e1_root = build(name("Preflight Test Root R1"), name("Preflight Test Root R1"), p.e1_root_key, p.e1_root_key,
                      ca=True, not_before=t(2025, 1, 1), not_after=t(2035, 1, 1), serial=0x01)
    p.e1_int = build(name("Preflight Test Intermediate E1"), p.e1_root.subject, p.e1_int_key, p.e1_root_key,
                     ca=True, not_before=t(2025, 6, 1), not_after=t(2030, 6, 1),
                     serial=0x00C0FFEE00112233445566778899AABBCCDDEEFF)
    p.e1_leaf = build(name("shop.example.com", org="Example Shop, Inc."), p.e1_int.subject, p.e1_leaf_key,
                      p.e1_int_key, ca=False, not_before=t(2026, 9, 1), not_after=t(2027, 9, 1), serial=0x5EED,
                      sans=["shop.example.com", "www.shop.example.com"], hash_alg=hashes.SHA384())
    p.ed_key = ed25519.Ed25519PrivateKey.generate()

    # R2: an RSA PKI with every extension; most chain, key and container cases use it.
    p.root_key, p.int_key, p.leaf_key = rsa_key(), rsa_key(), rsa_key()
    p.root = ca_cert("Preflight Test Root R2", p.root_key, serial=0x0200, valid=ROOT_VALID,
                     usage=("keyCertSign", "cRLSign"))
    p.int = ca_cert("Preflight Test Intermediate R2", p.int_key, p.root, p.root_key, serial=0x0201, path_len=0)
    p.leaf = leaf_cert("www.example.com", p.leaf_key, p.int, p.int_key, serial=0x0202,
                       sans=["www.example.com", "example.com"])
    p.ec_leaf_key = ec_key()
    p.ec_leaf = leaf_cert("api.example.com", p.ec_leaf_key, p.int, p.int_key, serial=0x0203)
    p.all_sans_key = ec_key()
    p.all_sans = leaf_cert(
        "all-sans.example.com", p.all_sans_key, p.int, p.int_key, serial=0x0204,
        sans=["all-sans.example.com", "*.example.com", "xn--bcher-kva.example",
              x509.IPAddress(ipaddress.ip_address("192.0.2.10")), x509.IPAddress(ipaddress.ip_address("2001:db8::10")),
              x509.RFC822Name("admin@example.com"), x509.UniformResourceIdentifier("https://www.example.com/status"),
              x509.DirectoryName(name("Directory Name Entry", org="Example Org"))],
        usage=("digitalSignature", "nonRepudiation", "keyAgreement", "encipherOnly"),
        eku=SERVER_CLIENT + (ExtendedKeyUsageOID.EMAIL_PROTECTION,))

    # Chain faults, each issuer signed by the R2 root.
    p.fake_int_key = rsa_key()
    p.fake_int = ca_cert("Preflight Test Intermediate R2", p.fake_int_key, p.root, p.root_key, serial=0x0F00,
                         path_len=0, ski=p.int.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest)
    p.not_ca_key = rsa_key()
    p.not_ca = issue(name("Preflight Test Not A CA"), p.not_ca_key, p.root, p.root_key, ca=False, serial=0x0210,
                     valid=INT_VALID, usage=("digitalSignature", "keyEncipherment"))
    p.not_ca_leaf = leaf_cert("not-a-ca-issued.example.com", ec_key(), p.not_ca, p.not_ca_key, serial=0x0211)
    p.no_kcs_key = rsa_key()
    p.no_kcs = ca_cert("Preflight Test CA Without keyCertSign", p.no_kcs_key, p.root, p.root_key, serial=0x0212,
                       usage=("digitalSignature", "cRLSign"))
    p.no_kcs_leaf = leaf_cert("no-keycertsign-issued.example.com", ec_key(), p.no_kcs, p.no_kcs_key, serial=0x0213)
    p.renewed = renewed_leaves(p.int, p.int_key)
    p.expired_int_key = rsa_key()
    p.expired_int = ca_cert("Preflight Test Intermediate R2 Expired", p.expired_int_key, p.root, p.root_key,
                            serial=0x0214, path_len=0, valid=(t(2024, 1, 1), t(2026, 6, 1)))
    p.expired_int_leaf = leaf_cert("expired-issuer.example.com", ec_key(), p.expired_int, p.expired_int_key,
                                   serial=0x0215, valid=(t(2026, 3, 1), t(2027, 3, 1)))
    p.int_a_key, p.int_b_key = rsa_key(), ec_key(ec.SECP384R1)
    p.int_a = ca_cert("Preflight Test Intermediate R2-A", p.int_a_key, p.root, p.root_key, serial=0x0216, path_len=1)
    p.int_b = ca_cert("Preflight Test Intermediate R2-B", p.int_b_key, p.int_a, p.int_a_key, serial=0x0217,
                      path_len=0)
    p.deep_leaf = leaf_cert("deep.example.com", ec_key(), p.int_b, p.int_b_key, serial=0x0218)
    p.sub_key = ec_key()
    p.sub = ca_cert("Preflight Test Sub-CA Below PathLen 0", p.sub_key, p.int, p.int_key, serial=0x0219)
    p.sub_leaf = leaf_cert("path-too-long.example.com", ec_key(), p.sub, p.sub_key, serial=0x021A)
    p.self_key = rsa_key()
    p.self_leaf = issue(name("selfsigned.example.com", org="Example Org"), p.self_key, ca=False, serial=0x021B,
                        valid=LEAF_VALID, sans=["selfsigned.example.com"], usage=("digitalSignature", "keyEncipherment"),
                        eku=(ExtendedKeyUsageOID.SERVER_AUTH,))
    p.stray_key = ec_key()
    p.stray = ca_cert("Unrelated Test Root", p.stray_key, serial=0x021C, valid=ROOT_VALID,
                      usage=("keyCertSign", "cRLSign"))

    # Key algorithms and signature algorithms.
    p.weak_leaf = leaf_cert("weak.example.com", rsa_key(1024), p.int, p.int_key, serial=0x0220)
    p.pss_leaf = leaf_cert("pss.example.com", rsa_key(), p.int, p.int_key, serial=0x0221, pss=True)
    p.sha1_leaf = x509.load_pem_x509_certificate(sha1_leaf(rsa_key(), p.int, p.int_key).encode())
    p.r4096_key = rsa_key(4096)
    p.r4096 = ca_cert("Preflight Test Root R4096", p.r4096_key, serial=0x0230, valid=ROOT_VALID,
                      usage=("keyCertSign", "cRLSign"), hash_alg=hashes.SHA512())
    p.r4096_leaf = leaf_cert("big-root.example.com", rsa_key(), p.r4096, p.r4096_key, serial=0x0231,
                             hash_alg=hashes.SHA512())
    p.p521_key, p.p384_key = ec_key(ec.SECP521R1), ec_key(ec.SECP384R1)
    p.p521_root = ca_cert("Preflight Test Root E521", p.p521_key, serial=0x0240, valid=ROOT_VALID,
                          usage=("keyCertSign", "cRLSign"), hash_alg=hashes.SHA512())
    p.p384_int = ca_cert("Preflight Test Intermediate E384", p.p384_key, p.p521_root, p.p521_key, serial=0x0241,
                         path_len=0, hash_alg=hashes.SHA512())
    p.p256_leaf = leaf_cert("ecdsa.example.com", ec_key(), p.p384_int, p.p384_key, serial=0x0242,
                            hash_alg=hashes.SHA384())
    p.ed_root_key = ed25519.Ed25519PrivateKey.generate()
    p.ed_root = ca_cert("Preflight Test Root Ed25519", p.ed_root_key, serial=0x0250, valid=ROOT_VALID,
                        usage=("keyCertSign", "cRLSign"))
    p.ed_leaf = leaf_cert("ed25519.example.com", ed25519.Ed25519PrivateKey.generate(), p.ed_root, p.ed_root_key,
                          serial=0x0251)
    p.sm2 = sm2_chain()

    # Keys and requests that belong to nothing in the corpus.
    p.unrelated_key = ec_key()
    p.csr_key = ec_key()
    p.leaf_csr = csr_for("www.example.com", p.leaf_key)
    p.other_csr = csr_for("www.example.com", p.csr_key)
    p.dsa_key = openssl_dsa_key()
    p.p12_modern = pkcs12_bytes(p.leaf_key, p.leaf, [p.int, p.root],
                                serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    return p


# --- the cases -----------------------------------------------------------------------------------

class Case:
    def __init__(self, folder, purpose, make, passphrase=None, now=NOW):
        self.folder, self.purpose, self.make, self.passphrase, self.now = folder, purpose, make, passphrase, now


def e1_messy(p):
    return "\ufeff" + (
        "Bag Attributes\n    localKeyID: 01 02 03\nsubject=/C=CN/O=Example Shop, Inc./CN=shop.example.com\n"
        "issuer=/C=CN/O=cert-preflight test/CN=Preflight Test Intermediate E1\n"
        + "".join("    " + line + "\n" for line in pem(p.e1_leaf).splitlines())
        + "\n 1 s:CN=Preflight Test Intermediate E1\n" + pem(p.e1_int).rstrip("\n")
    ).replace("\n", "\r\n")


def e1_body(p):
    return pem(p.e1_leaf).splitlines()


def e1_bad_base64(p):
    bad = e1_body(p)
    bad[3] = bad[3][:10] + "*" + bad[3][11:]
    return "\n".join(bad) + "\n"


def validity_from_1950(p):
    """A leaf and its root whose validity times lie before 1970, as pyca writes them (UTCTime for
    1950-2049, GeneralizedTime from 2050)."""
    root = build(name("Preflight Test Root 1950"), name("Preflight Test Root 1950"), p.e1_root_key, p.e1_root_key,
                 ca=True, not_before=t(1950, 1, 1), not_after=t(2049, 12, 31, 23, 59, 59), serial=1950,
                 usage=("keyCertSign", "cRLSign"), ski=True)
    leaf = build(name("old.example.org"), root.subject, p.e1_leaf_key, p.e1_root_key, ca=False,
                 not_before=t(1969, 12, 31, 23, 59, 59), not_after=t(2050, 1, 1), serial=1969,
                 sans=["old.example.org"], ski=True, aki=True)
    return leaf, root


def truncated_pem(text, drop_lines=4):
    """Drops base64 lines before the END line: every line is whole base64, the DER inside is cut."""
    lines = text.splitlines()
    return "\n".join(lines[:-1 - drop_lines] + lines[-1:]) + "\n"


CASES = [
    # The first corpus (E1 PKI).
    Case("rsa-root-ec-chain-ordered", "RSA root, P-384 intermediate, P-256 leaf (SHA-384), in order in one PEM file",
         lambda p: {"bundle.pem": chain(p.e1_leaf, p.e1_int, p.e1_root)}),
    Case("crlf-bom-indented-stray-text", "BOM, CRLF, indented blocks, stray text, no final newline",
         lambda p: {"from-pkcs12.txt": e1_messy(p)}),
    Case("der-certificate", "one DER certificate",
         lambda p: {"leaf.der": p.e1_leaf.public_bytes(DER)}),
    Case("two-files-key-in-certificate-input", "a certificate file and a private key pasted as a second input",
         lambda p: {"a-cert.pem": pem(p.e1_leaf), "b-key.test-only.pem": key_pem(p.e1_leaf_key)}),
    Case("ed25519-self-signed-expired", "self-signed Ed25519 certificate that expired in 2021",
         lambda p: {"ed.pem": pem(build(name("old.example.net"), name("old.example.net"), p.ed_key, p.ed_key,
                                        ca=False, not_before=t(2020, 1, 1), not_after=t(2021, 1, 1), serial=7))}),
    Case("ec-signed-expires-soon-unicode-org", "leaf expiring within 30 days; non-ASCII and quoted organization",
         lambda p: {"soon.pem": pem(build(
             name("soon.example.org", org="Ünïcode Ørg; \"quoted\" + more"), p.e1_int.subject, p.e1_root_key,
             p.e1_int_key, ca=False, not_before=t(2026, 1, 1), not_after=t(2026, 12, 10, 12, 30), serial=0x7FFFFFFF,
             hash_alg=hashes.SHA256()))}),
    Case("not-yet-valid", "leaf whose notBefore is after now",
         lambda p: {"future.pem": pem(build(
             name("future.example.com"), p.e1_int.subject, p.e1_leaf_key, p.e1_int_key,
             ca=False, not_before=t(2027, 1, 1), not_after=t(2028, 1, 1), serial=99))}),
    Case("validity-from-1950", "root valid 1950-01-01 to 2049-12-31 (UTCTime 50..49, RFC 5280 4.1.2.5.1) and a leaf "
         "it issued valid 1969-12-31T23:59:59 to 2050-01-01 (GeneralizedTime)",
         lambda p: {"chain.pem": chain(*validity_from_1950(p))}),
    Case("malformed-missing-end", "PEM block cut before its END line",
         lambda p: {"cut.pem": "\n".join(e1_body(p)[:-3]) + "\n"}),
    Case("malformed-label-mismatch", "BEGIN CERTIFICATE closed by END PRIVATE KEY",
         lambda p: {"merged.pem": "\n".join(e1_body(p)[:-1]) + "\n-----END PRIVATE KEY-----\n"}),
    Case("malformed-bad-base64", "a '*' inside the base64 body",
         lambda p: {"bad.pem": e1_bad_base64(p)}),
    Case("malformed-truncated-der", "DER certificate cut in half",
         lambda p: {"short.der": p.e1_leaf.public_bytes(DER)[:len(p.e1_leaf.public_bytes(DER)) // 2]}),
    Case("malformed-empty", "only whitespace",
         lambda p: {"empty.pem": "\n  \n"}),
    Case("malformed-no-pem", "prose, no PEM and not DER",
         lambda p: {"notes.txt": "Here is my certificate, see attachment.\n"}),

    # Containers.
    Case("pkcs7-nss-certs-only-ber", "the leaf and its intermediate in NSS's certs-only CMS message (cmsutil -O; NSS leaves "
         "the root out): BER, indefinite lengths, the intermediate first",
         lambda p: {"chain.p7c": nss_exports(p.p12_modern, "www.example.com")[1]}),
    Case("pkcs7-pem-chain", "PEM PKCS#7 (-----BEGIN PKCS7-----, by pyca) holding leaf, intermediate, root",
         lambda p: {"chain.p7b": pkcs7.serialize_certificates([p.leaf, p.int, p.root], PEM)}),
    Case("pkcs7-der-chain", "DER PKCS#7 (openssl crl2pkcs7) holding leaf, intermediate, root",
         lambda p: {"chain.p7b": pkcs7_der_openssl(p.leaf, p.int, p.root)}),
    Case("pkcs12-modern-aes256-pbkdf2", "PKCS#12 by pyca BestAvailableEncryption: AES-256-CBC, PBKDF2-HMAC-SHA256",
         lambda p: {"bundle.test-only.p12": p.p12_modern}, PASSPHRASE),
    Case("pkcs12-legacy-3des", ".pfx with PBE-SHA1-3DES for key and certificates, SHA-1 MAC (pyca)",
         lambda p: {"bundle.test-only.pfx": pkcs12_bytes(p.leaf_key, p.leaf, [p.int, p.root], legacy_3des())},
         PASSPHRASE),
    Case("pkcs12-legacy-rc2-40", "PKCS#12 by `openssl pkcs12 -export -legacy`: RC2-40 certificate bag, 3DES key",
         lambda p: {"bundle.test-only.p12": pkcs12_rc2_40(p.leaf_key, p.leaf, [p.int, p.root])}, PASSPHRASE),
    Case("pkcs12-old-openssl-chinese-password", "a PKCS#12 file and a PKCS#8 key (PBE-SHA1-3DES) as OpenSSL before "
         "1.1.0 (CentOS 7's 1.0.2) wrote them for a Chinese password: each UTF-8 byte a BMP character (OpenSSL 3 "
         "given that form; its own pkcs12 command opens the file with the password itself, 'using broken algorithm')",
         lambda p: {"centos7-server.test-only.p12": centos7_pkcs12(p.leaf_key, p.leaf, [p.int]),
                    "centos7-server-key.test-only.pem": centos7_pkcs8(p.leaf_key)}, CHINESE_PASSPHRASE),
    Case("pkcs12-java-keytool-tomcat", "a Tomcat keystore by keytool (OpenJDK 17, PKCS#12: PBES2 AES-256, "
         "HMAC-SHA256 MAC): the key entry's chain and the root and intermediate again as trusted entries",
         lambda p: {"tomcat.test-only.p12": java_tomcat_keystore(p)[0]}, PASSPHRASE),
    Case("pkcs12-java-keytool-renewed-in-place", "a Tomcat keystore renewed in place by keytool (OpenJDK 17): the "
         "old key entry (alias tomcat-2025, expired) and the new one (alias tomcat), the root and intermediate as "
         "trusted entries: the leaf is the valid one, and the old key's hint gives the keytool command exporting "
         "the entry to upload",
         lambda p: {"tomcat.test-only.p12": java_renewed_keystore(p)}, PASSPHRASE),
    Case("pkcs12-nss-pk12util-ber", "the modern PKCS#12 through NSS (pk12util -i, then -o: what Firefox's certificate "
         "backup writes): BER, indefinite lengths, the authenticated safe in pieces",
         lambda p: {"backup.test-only.p12": nss_exports(p.p12_modern, "www.example.com")[0]}, PASSPHRASE),
    Case("pkcs12-unencrypted-key-bag", "PKCS#12 by `openssl pkcs12 -export -keypbe NONE -certpbe NONE -nomac`: "
         "the key in a plain key bag (not encrypted), no password, no MAC",
         lambda p: {"bundle.test-only.p12": pkcs12_unencrypted(p.leaf_key, p.leaf, [p.int, p.root])}),
    Case("pkcs12-wrong-password", "the modern PKCS#12 with a wrong password in passphrase.txt",
         lambda p: {"bundle.test-only.p12": p.p12_modern}, WRONG_PASSPHRASE),
    Case("pkcs12-nokeys-output-text", "the text `openssl pkcs12 -nokeys` prints (Bag Attributes, subject=, issuer=)",
         lambda p: {"nokeys.txt": pkcs12_nokeys_text(p.p12_modern)}),

    # Private key forms (each with the certificate it belongs to).
    Case("key-pkcs1-rsa-matches-leaf", "chain plus the leaf's key as PKCS#1 (RSA PRIVATE KEY)",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root),
                    "leaf-key.test-only.pem": key_pem(p.leaf_key, "traditional")}),
    Case("key-pkcs8-ec-matches-leaf", "P-256 leaf plus its key as PKCS#8 (PRIVATE KEY)",
         lambda p: {"leaf.pem": pem(p.ec_leaf), "leaf-key.test-only.pem": key_pem(p.ec_leaf_key)}),
    Case("key-sec1-ec-matches-leaf", "P-256 leaf plus its key as SEC1 (EC PRIVATE KEY)",
         lambda p: {"leaf.pem": pem(p.ec_leaf), "leaf-key.test-only.pem": key_pem(p.ec_leaf_key, "traditional")}),
    Case("key-encrypted-pkcs8-pbkdf2-aes256", "leaf plus ENCRYPTED PRIVATE KEY, PBES2 PBKDF2-HMAC-SHA256 + AES-256-CBC",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": openssl_key(
             p.leaf_key, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256")}, PASSPHRASE),
    Case("key-encrypted-pkcs8-scrypt", "leaf plus ENCRYPTED PRIVATE KEY, PBES2 scrypt + AES-256-CBC (openssl)",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": openssl_key(
             p.leaf_key, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-scrypt")}, PASSPHRASE),
    Case("key-legacy-pem-aes256-cbc", "leaf plus legacy encrypted PEM (Proc-Type: 4,ENCRYPTED, DEK-Info: AES-256-CBC)",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": key_pem(p.leaf_key, "traditional", PASSPHRASE)},
         PASSPHRASE),
    Case("key-legacy-pem-des-ede3-cbc", "leaf plus legacy encrypted PEM with DEK-Info: DES-EDE3-CBC (openssl)",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": openssl_key(
             p.leaf_key, "pkey", "-traditional", "-des3")}, PASSPHRASE),
    Case("key-encrypted-pkcs8-wrong-passphrase", "encrypted PKCS#8 key with a wrong passphrase in passphrase.txt",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": openssl_key(
             p.leaf_key, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256")}, WRONG_PASSPHRASE),
    Case("key-encrypted-no-passphrase", "encrypted PKCS#8 key and no passphrase.txt at all",
         lambda p: {"leaf.pem": pem(p.leaf), "leaf-key.test-only.pem": openssl_key(
             p.leaf_key, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256")}),
    Case("key-matches-intermediate-not-leaf", "chain plus the intermediate's key (not the leaf's)",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root), "key.test-only.pem": key_pem(p.int_key)}),
    Case("key-matches-nothing", "chain plus a key that belongs to no certificate",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root), "key.test-only.pem": key_pem(p.unrelated_key)}),

    # Certificate requests.
    Case("csr-matches-leaf", "leaf plus a CSR made with the leaf's key",
         lambda p: {"leaf.pem": pem(p.leaf), "request.csr": p.leaf_csr.public_bytes(PEM)}),
    Case("csr-does-not-match-leaf", "leaf plus a CSR for the same name made with another key",
         lambda p: {"leaf.pem": pem(p.leaf), "request.csr": p.other_csr.public_bytes(PEM)}),
    Case("csr-with-private-key", "a CSR and its private key, no certificate",
         lambda p: {"request.csr": p.other_csr.public_bytes(PEM), "request-key.test-only.pem": key_pem(p.csr_key)}),
    Case("csr-new-certificate-request-label", "a CSR under the old -----BEGIN NEW CERTIFICATE REQUEST----- label",
         lambda p: {"request.csr": p.leaf_csr.public_bytes(PEM).decode().replace(
             "CERTIFICATE REQUEST-----", "NEW CERTIFICATE REQUEST-----")}),
    Case("csr-broken-signature", "a CSR with one bit flipped inside its signature BIT STRING (still parses)",
         lambda p: {"request.csr": broken_csr_pem(p.leaf_csr)}),

    # Key and signature algorithms.
    Case("rsa-1024-weak-leaf", "leaf with a 1024-bit RSA key, with its chain",
         lambda p: {"chain.pem": chain(p.weak_leaf, p.int, p.root)}),
    Case("rsa-4096-root-and-leaf", "RSA 4096 root (SHA-512) and the leaf it signed",
         lambda p: {"chain.pem": chain(p.r4096_leaf, p.r4096)}),
    Case("rsa-pss-sha256-leaf", "leaf signed with RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32), with its chain",
         lambda p: {"chain.pem": chain(p.pss_leaf, p.int, p.root)}),
    Case("sha1-signed-leaf", "leaf signed with sha1WithRSAEncryption (openssl ca -md sha1), with its chain",
         lambda p: {"chain.pem": chain(p.sha1_leaf, p.int, p.root)}),
    Case("ecdsa-p256-p384-p521-chain", "P-256 leaf, P-384 intermediate, P-521 root (ECDSA SHA-384/SHA-512)",
         lambda p: {"chain.pem": chain(p.p256_leaf, p.p384_int, p.p521_root)}),
    Case("ed25519-root-and-leaf", "Ed25519 root and Ed25519 leaf",
         lambda p: {"chain.pem": chain(p.ed_leaf, p.ed_root)}),
    Case("sm2-sm3-chain-and-key", "SM2 leaf and root signed with SM2/SM3 (openssl, distid 1234567812345678) + leaf key",
         lambda p: {"chain.pem": p.sm2.leaf + p.sm2.root, "leaf-key.test-only.pem": p.sm2.leaf_key}),

    # Chain situations (R2 PKI).
    Case("chain-ordered-leaf-int-root", "leaf, intermediate, root in order",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root)}),
    Case("chain-shuffled", "the same chain as root, leaf, intermediate (reorderable)",
         lambda p: {"chain.pem": chain(p.root, p.leaf, p.int)}),
    Case("chain-missing-intermediate", "leaf and root only",
         lambda p: {"chain.pem": chain(p.leaf, p.root)}),
    Case("chain-without-root", "leaf and intermediate, root not included",
         lambda p: {"chain.pem": chain(p.leaf, p.int)}),
    Case("chain-duplicate-certificate", "the chain plus the intermediate again in a second file",
         lambda p: {"1-chain.pem": chain(p.leaf, p.int, p.root), "2-intermediate.pem": pem(p.int)}),
    Case("chain-stray-unrelated-certificate", "the chain plus an unrelated self-signed root",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root, p.stray)}),
    Case("chain-fake-intermediate-same-name", "leaf, fake intermediate (same name and SKI, other key), root",
         lambda p: {"chain.pem": chain(p.leaf, p.fake_int, p.root)}),
    Case("chain-rekeyed-intermediate-other-ski", "leaf, an intermediate of the issuer's name with another key and "
         "its own SKI (a re-keyed CA), root: not a candidate issuer, never verified",
         lambda p: {"chain.pem": chain(p.leaf, ca_cert("Preflight Test Intermediate R2", p.fake_int_key, p.root,
                                                       p.root_key, serial=0x0F01, path_len=0), p.root)}),
    Case("chain-fake-and-real-intermediate", "leaf, fake intermediate, real intermediate, root",
         lambda p: {"chain.pem": chain(p.leaf, p.fake_int, p.int, p.root)}),
    Case("chain-two-intermediates", "leaf, intermediate B, intermediate A (pathLen 1), root",
         lambda p: {"chain.pem": chain(p.deep_leaf, p.int_b, p.int_a, p.root)}),
    Case("chain-issuer-not-ca", "leaf issued by a certificate with basicConstraints CA=FALSE",
         lambda p: {"chain.pem": chain(p.not_ca_leaf, p.not_ca, p.root)}),
    Case("chain-issuer-ca-without-keycertsign", "leaf issued by a CA=TRUE certificate whose keyUsage lacks keyCertSign",
         lambda p: {"chain.pem": chain(p.no_kcs_leaf, p.no_kcs, p.root)}),
    Case("chain-path-length-exceeded", "pathLenConstraint=0 intermediate issued another CA, which issued the leaf",
         lambda p: {"chain.pem": chain(p.sub_leaf, p.sub, p.int, p.root)}),
    Case("chain-expired-intermediate", "valid leaf under an intermediate that expired 2026-06-01",
         lambda p: {"chain.pem": chain(p.expired_int_leaf, p.expired_int, p.root)}),
    Case("chain-cross-signed-root-before-its-self-signed-form", "leaf, intermediate, the R2 root cross-signed by an "
         "older root, then the R2 root itself (a CA bundle with its compatibility cross-sign, the self-signed root "
         "appended): complete, not broken; the path takes the cross-sign, the self-signed form is not uploaded",
         lambda p: {"chain.pem": chain(p.leaf, p.int, cross_signed_r2_root(p), p.root)}),
    Case("chain-self-signed-root-before-its-cross-signed-form", "the same four with the self-signed R2 root before its "
         "cross-signed form: the path ends at the root, the cross-sign is not uploaded",
         lambda p: {"chain.pem": chain(p.leaf, p.int, p.root, cross_signed_r2_root(p))}),
    Case("chain-cross-signed-root-under-an-expired-old-root", "leaf, key and a bundle as Let's Encrypt's stood "
         "2021-2024: the intermediate, the current root cross-signed by the old root (valid) and the old root, "
         "expired: its error's hint says to drop it; a target that drops the root is not blocked by it",
         lambda p: cross_signed_under_expired_root()),
    Case("leaf-with-empty-subject", "a server certificate with an empty subject, its names in a critical subject "
         "alternative name (as CAs may issue them, RFC 5280 4.1.2.6), with its key, its request (empty subject too) and "
         "the intermediate: messages and the page name it by its first DNS name, not by an empty subject",
         lambda p: {"leaf.pem": pem(issue(x509.Name([]), p.leaf_key, p.int, p.int_key, ca=False, serial=0x0240,
                                          valid=(t(2026, 11, 1), t(2026, 12, 10)),
                                          sans=["short.example.com", "www.short.example.com"],
                                          usage=("digitalSignature", "keyEncipherment"), eku=SERVER_CLIENT)),
                    "leaf-key.test-only.pem": key_pem(p.leaf_key), "intermediate.pem": pem(p.int),
                    "request.csr": x509.CertificateSigningRequestBuilder().subject_name(x509.Name([])).add_extension(
                        x509.SubjectAlternativeName([x509.DNSName("short.example.com")]), critical=True)
                    .sign(p.leaf_key, hashes.SHA256()).public_bytes(PEM).decode()}),
    Case("self-signed-leaf-not-ca", "self-signed server certificate, CA=FALSE",
         lambda p: {"selfsigned.pem": pem(p.self_leaf)}),
    Case("leaf-all-san-types-and-extensions", "SANs of every type (DNS, wildcard, IDN, IPv4/6, email, URI, dirName), "
         "keyUsage, three EKUs, SKI/AKI, with its chain",
         lambda p: {"chain.pem": chain(p.all_sans, p.int, p.root)}),

    # Text forms and malformed inputs.
    Case("s-client-showcerts-transcript", "`openssl s_client -showcerts` style transcript around leaf and intermediate",
         lambda p: {"s_client.txt": s_client_transcript([p.leaf, p.int])}),
    Case("keytool-list-rfc-transcript", "what `keytool -list -rfc` (OpenJDK 17) prints of a Tomcat keystore: the "
         "key entry's chain of three, then the root and intermediate as trusted entries",
         lambda p: {"keytool-list.txt": java_tomcat_keystore(p)[1]}),
    Case("pem-no-final-newline", "leaf and intermediate, no newline after the last END line",
         lambda p: {"chain.pem": chain(p.leaf, p.int).rstrip("\n")}),
    Case("pem-mixed-line-endings", "first block with alternating CRLF/LF lines, second block LF",
         lambda p: {"chain.pem": mixed_line_endings(pem(p.leaf)) + pem(p.int)}),
    Case("pem-76-column-lines", "a PEM body wrapped at 76 columns (MIME style)",
         lambda p: {"leaf.pem": pem_wrap("CERTIFICATE", p.leaf.public_bytes(DER), 76)}),
    Case("pem-utf16le-bom", "leaf and intermediate PEM saved as UTF-16LE with BOM",
         lambda p: {"chain.pem": ("\ufeff" + chain(p.leaf, p.int)).encode("utf-16-le")}),
    Case("pem-utf16-without-bom-and-big-endian", "Windows \"Unicode\" text as .NET and Notepad write it: a leaf's PEM "
         "as UTF-16LE bytes with no byte-order mark ([IO.File]::WriteAllBytes with [Text.Encoding]::Unicode), the "
         "intermediate's as UTF-16BE with its byte-order mark (Notepad's \"Unicode big endian\")",
         lambda p: {"a-unicode-no-bom.pem": pem(p.leaf).encode("utf-16-le"),
                    "b-unicode-big-endian.pem": b"\xfe\xff" + pem(p.int).encode("utf-16-be")}),
    Case("malformed-pkcs7-truncated", "DER PKCS#7 cut after 900 bytes, and PEM PKCS#7 with body lines dropped",
         lambda p: {"a-chain.p7b": pkcs7_der_openssl(p.leaf, p.int, p.root)[:900],
                    "b-chain-pem.p7b": truncated_pem(pkcs7.serialize_certificates([p.leaf, p.int], PEM).decode())}),
    Case("malformed-pkcs12-truncated", "the modern PKCS#12 cut at 60%",
         lambda p: {"bundle.test-only.p12": p.p12_modern[:len(p.p12_modern) * 6 // 10]}, PASSPHRASE),
    Case("malformed-certificate-label-random-bytes", "a CERTIFICATE block of valid base64 that is not DER, then a leaf",
         lambda p: {"mixed.pem": random_certificate_block() + pem(p.leaf)}),

    # Every key encryption real tools write, and every key type (issue 13). Each file one scheme.
    Case("key-pkcs8-pbes1-every-scheme", "leaf plus its key under each PBES1 scheme (openssl pkcs8 -topk8 -v1 "
         "PBE-MD5-DES, PBE-SHA1-DES, PBE-MD5-RC2-64, PBE-SHA1-RC2-64)",
         lambda p: {"leaf.pem": pem(p.leaf), **{f"key-{v.lower()}.test-only.pem": openssl_pkcs8(p.leaf_key, "-v1", v)
                    for v in ("PBE-MD5-DES", "PBE-SHA1-DES", "PBE-MD5-RC2-64", "PBE-SHA1-RC2-64")}}, PASSPHRASE),
    Case("key-pkcs8-pkcs12-pbe-every-scheme", "leaf plus its key under each PKCS#12 PBE scheme in PKCS#8 (openssl "
         "pkcs8 -topk8 -v1 PBE-SHA1-3DES, -2DES, -RC2-40, -RC2-128, -RC4-40, -RC4-128)",
         lambda p: {"leaf.pem": pem(p.leaf), **{f"key-{v.lower()}.test-only.pem": openssl_pkcs8(p.leaf_key, "-v1", v)
                    for v in ("PBE-SHA1-3DES", "PBE-SHA1-2DES", "PBE-SHA1-RC2-40", "PBE-SHA1-RC2-128",
                              "PBE-SHA1-RC4-40", "PBE-SHA1-RC4-128")}}, PASSPHRASE),
    Case("key-pkcs8-pbes2-every-cipher-and-prf", "leaf plus its key under PBES2 with each cipher and PRF openssl "
         "writes (-v2 CIPHER -v2prf PRF; scrypt with Camellia)",
         lambda p: {"leaf.pem": pem(p.leaf), **{f"key-{c}-{prf.lower() or 'scrypt'}.test-only.pem": openssl_pkcs8(
             p.leaf_key, "-v2", c, *(("-v2prf", prf) if prf else ("-scrypt",)))
             for c, prf in (("aes-128-cbc", "hmacWithSHA1"), ("aes-192-cbc", "hmacWithSHA224"),
                            ("des-ede3-cbc", "hmacWithSHA384"), ("des-cbc", "hmacWithSHA512"),
                            ("rc2-cbc", "hmacWithSHA256"), ("rc2-40-cbc", "hmacWithSHA1"), ("rc2-64-cbc", "hmacWithSHA512"),
                            ("camellia-256-cbc", "hmacWithSHA256"), ("aria-128-cbc", "hmacWithSHA256"),
                            ("camellia-128-cbc", ""))}}, PASSPHRASE),
    Case("key-legacy-pem-every-cipher", "leaf plus its key as legacy encrypted PEM with each cipher openssl documents "
         "(openssl pkey -traditional -aes128 ... -aria256, -des), and an EC and a DSA key",
         lambda p: {"leaf.pem": pem(p.leaf),
                    **{f"key-{c}.test-only.pem": openssl_traditional(key_pem(p.leaf_key), c)
                       for c in ("aes128", "aes192", "des", "camellia128", "camellia192", "camellia256", "aria128",
                                 "aria192", "aria256")},
                    "other-ec-aes256.test-only.pem": openssl_traditional(key_pem(p.ec_leaf_key), "aes256"),
                    "other-dsa-des3.test-only.pem": openssl_traditional(p.dsa_key, "des3")}, PASSPHRASE),
    Case("not-tls-ssh-keys", "the SSH key pair of a server, by ssh-keygen, given for a certificate and its key: the OpenSSH "
         "private key, its public key line and its RFC 4716 export",
         lambda p: ssh_key_pair()),
    *[Case(folder, description, lambda p, folder=folder: archive_cases(p)[folder])
      for folder, description in ARCHIVE_CASES],
    Case("java-keystores-jks-and-jceks", "a Tomcat key and certificate in Java's own keystores, by keytool: JKS and "
         "JCEKS (store password changeit): their certificates read, their keys Java's own to unlock",
         lambda p: java_keystores()),
    Case("key-types-no-target-takes", "keys of types no target takes, by openssl: DSA (PKCS#8 and traditional), Ed448, "
         "X25519, X448, secp256k1 (SEC1), brainpoolP256r1 (PKCS#8), P-256 with explicit parameters",
         lambda p: {"dsa-pkcs8.test-only.pem": p.dsa_key,
                    "dsa-traditional.test-only.pem": openssl("pkey", "-traditional", stdin=p.dsa_key.encode()).decode(),
                    **{f"{a.lower()}.test-only.pem": openssl("genpkey", "-algorithm", a).decode()
                       for a in ("ED448", "X25519", "X448")},
                    "secp256k1-sec1.test-only.pem": openssl("ecparam", "-name", "secp256k1", "-genkey", "-noout").decode(),
                    "brainpoolp256r1-pkcs8.test-only.pem": openssl(
                        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1").decode(),
                    "p256-explicit-parameters.test-only.pem": openssl(
                        "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-param_enc", "explicit").decode()}),
    Case("chain-renewed-leaf-beside-the-old-with-both-keys", "a renewal's folder: the expired certificate and its "
         "renewal (openssl), each with its key, and the intermediate; the leaf taken is the one valid now",
         lambda p: {f"www.example.com-{year}.{ext}": (cert, key)[ext == "key"]
                    for year, (cert, key) in p.renewed.items() for ext in ("crt", "key")}
         | {"intermediate.crt": pem(p.int)}),
    Case("chain-renewed-leaf-beside-the-old-with-its-key", "the certificate and its renewal, both valid, the "
         "intermediate and only the renewal's key: the leaf taken is the one whose key is given",
         lambda p: {"www.example.com-2025.crt": p.renewed["2025"][0],
                    "www.example.com-2026.crt": p.renewed["2026"][0], "www.example.com-2026.key": p.renewed["2026"][1],
                    "intermediate.crt": pem(p.int)}, now="2026-11-05T00:00:00Z"),
    Case("certificate-serial-over-20-octets", "a leaf whose serial number is 24 octets (openssl ca; RFC 5280 allows "
         "20), its key and the intermediate: read as any other, and a warning says what is wrong",
         lambda p: serial_leaf(p.int, p.int_key, 0x5E_0102030405060708090A0B0C0D0E0F10111213141516)),
    Case("certificate-serial-zero", "a leaf whose serial number is 0 (openssl ca with the serial file 00), its key and "
         "the intermediate: read, with the same warning (RFC 5280 asks for a positive one)",
         lambda p: serial_leaf(p.int, p.int_key, 0)),
    Case("certificate-serial-negative", "a leaf whose serial number is negative (openssl x509 -set_serial -0x7e13, "
         "re-signed by the intermediate), its key and the intermediate: shown as -7e13 as OpenSSL and pyca show it, "
         "with a warning",
         lambda p: serial_leaf(p.int, p.int_key, -0x7E13)),
    Case("chain-renewal-not-yet-valid-beside-the-current", "the certificate and its renewal at 2026-10-20, before "
         "the renewal's start, with the intermediate and no key: the leaf taken is the one valid now, and the "
         "renewal's not-yet-valid is a warning (it is not uploaded), not an error",
         lambda p: {"www.example.com-2025.crt": p.renewed["2025"][0],
                    "www.example.com-2026.crt": p.renewed["2026"][0], "intermediate.crt": pem(p.int)},
         now="2026-10-20T00:00:00Z"),
    Case("chain-renewed-leaf-beside-an-old-weak-one", "the renewal with its key and the intermediate, beside the "
         "certificate it replaced: expired, a 1,024-bit RSA key, signed with SHA-1 (openssl ca -md sha1). The old one "
         "is not uploaded: its expiry is a warning, and its weak key and signature are not reported",
         lambda p: {"www.example.com-old.crt": old_weak_leaf(p.int, p.int_key),
                    "www.example.com.crt": p.renewed["2026"][0], "www.example.com.key": p.renewed["2026"][1],
                    "intermediate.crt": pem(p.int)}),
    Case("web-server-folder-with-dhparam-crl-and-ecparam-key", "a web server's TLS folder given whole (openssl): "
         "the key as ecparam -genkey writes it (EC PARAMETERS first), its certificate, the intermediate, "
         "ssl_dhparam's DH PARAMETERS and the intermediate's CRL; the extra blocks are named, not unknown",
         lambda p: web_server_folder(p.int, p.int_key)),
    Case("key-pkcs8-pbkdf2-over-ceiling", "encrypted PKCS#8 asking for 2^31 - 1 PBKDF2 iterations (openssl, then the "
         "count patched), no passphrase: refused at once",
         lambda p: {"key.test-only.pem": over_ceiling_pbkdf2(p.csr_key)}),
    Case("key-pkcs8-scrypt-over-ceiling", "encrypted PKCS#8 asking scrypt for 512 MiB (N = 2^22, r = 1; openssl, then "
         "N patched), no passphrase: refused at once",
         lambda p: {"key.test-only.pem": over_ceiling_scrypt(p.csr_key)}),
] + recovered_cases()


def write_case(case, files, now=NOW, passphrase=None):
    """Writes input/<name> for every file, original/<name> for names given as original/<name>."""
    for sub in ("input", "original"):
        folder = ROOT / case / sub
        if folder.exists():
            for old in folder.iterdir():
                old.unlink()
    for file_name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        target = ROOT / case / (file_name if file_name.startswith("original/") else "input/" + file_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (ROOT / case / "now.txt").write_text(now + "\n")
    secret = ROOT / case / "passphrase.txt"
    if passphrase is None:
        secret.unlink(missing_ok=True)
    else:
        secret.write_text(passphrase + "\n")


def generate(only=None):
    known = {case.folder for case in CASES}
    unknown = sorted(set(only or ()) - known)
    if unknown:
        raise SystemExit(f"no such generated case: {', '.join(unknown)}")
    pki = make_pki()
    for case in CASES:
        if only is None or case.folder in only:
            write_case(case.folder, case.make(pki), now=case.now, passphrase=case.passphrase)


# --- facts: reading the inputs independently -----------------------------------------------------

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
KEY_LABELS = {"RSA PRIVATE KEY": "pkcs1", "PRIVATE KEY": "pkcs8", "EC PRIVATE KEY": "sec1",
              "ENCRYPTED PRIVATE KEY": "encrypted_pkcs8", "DSA PRIVATE KEY": "dsa"}
CSR_LABELS = ("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST")
UNREADABLE = (ValueError, TypeError, UnsupportedAlgorithm)


def utf16_without_bom(data):
    """The codec of UTF-16 text written without a byte-order mark (ASCII with a NUL after or before each
    character, as .NET's Encoding.Unicode writes it), or None."""
    opening = data[:8]
    if len(opening) == 8 and len(data) % 2 == 0:
        if not any(opening[1::2]) and all(opening[0::2]):
            return "utf-16-le"
        if not any(opening[0::2]) and all(opening[1::2]):
            return "utf-16-be"
    return None


def decode_text(data):
    """The text of a file, or None when it is binary (not UTF-8/UTF-16 with BOM or UTF-16 without one,
    or holding NUL). Text in another encoding (a note saved as GBK) that holds a PEM armour is text, its
    other characters replaced."""
    try:
        bomless = utf16_without_bom(data)
        text = (data.decode("utf-16") if data[:2] in UTF16_BOMS else data.decode(bomless) if bomless
                else data.decode("utf-8"))
    except UnicodeDecodeError:
        if b"-----BEGIN " not in data:
            return None
        text = data.decode("utf-8", "replace")
    return None if "\x00" in text else text


def line_endings(data):
    text = decode_text(data)
    if text is None:
        return "none"
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    return "mixed" if crlf and lf else "crlf" if crlf else "lf" if lf else "none"


def pem_blocks(data):
    """(label, block text) of every complete PEM block, lines stripped of indentation and CR."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff")
    blocks, chunk, label = [], None, None
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("-----BEGIN ") and s.endswith("-----"):
            chunk, label = [s], s[11:-5]
        elif chunk is not None:
            chunk.append(s)
            if s == f"-----END {label}-----":
                blocks.append((label, "\n".join(chunk) + "\n"))
                chunk = None
    return blocks


def openssl_spki_info(spki_der):
    """Type, bits and curve of a public key pyca cannot read (SM2), from `openssl pkey -text_pub`."""
    text = openssl("pkey", "-pubin", "-inform", "DER", "-noout", "-text_pub", stdin=spki_der).decode()
    bits = int(re.search(r"Public-Key: \((\d+) bit\)", text).group(1))
    if "ASN1 OID: SM2" in text:
        return {"type": "SM2", "bits": bits, "curve": "SM2"}
    raise ValueError(f"unknown public key:\n{text}")


def minimal_hex(n):
    return n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big").hex()


def spki_info(spki_der):
    """Type, bits, curve and the public key in hex as cert-preflight prints it (RSA: n, ff, e; EC: the
    uncompressed point; the raw RFC 8410 key; DSA/DH: y). Bits of the RFC 8410 types are OpenSSL's
    EVP_PKEY_get_bits (Ed25519 256, Ed448 456, X25519 253, X448 448)."""
    try:
        key = serialization.load_der_public_key(spki_der)
    except UnsupportedAlgorithm:
        info = openssl_spki_info(spki_der)
        # SM2: the SubjectPublicKeyInfo ends with the uncompressed point (65 bytes).
        return {**info, "public_key": spki_der[-65:].hex()}
    raw = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if isinstance(key, rsa.RSAPublicKey):
        numbers = key.public_numbers()
        return {"type": "RSA", "bits": key.key_size, "curve": None,
                "public_key": minimal_hex(numbers.n) + "ff" + minimal_hex(numbers.e)}
    if isinstance(key, ec.EllipticCurvePublicKey):
        point = key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return {"type": "EC", "bits": key.curve.key_size, "curve": CURVES.get(key.curve.name, key.curve.name),
                "public_key": point.hex()}
    if isinstance(key, dsa.DSAPublicKey):
        return {"type": "DSA", "bits": key.key_size, "curve": None, "public_key": minimal_hex(key.public_numbers().y)}
    if isinstance(key, dh.DHPublicKey):
        return {"type": "DH", "bits": key.key_size, "curve": None, "public_key": minimal_hex(key.public_numbers().y)}
    for cls, name, bits in ((ed25519.Ed25519PublicKey, "Ed25519", 256), (ed448.Ed448PublicKey, "Ed448", 456),
                            (x25519.X25519PublicKey, "X25519", 253), (x448.X448PublicKey, "X448", 448)):
        if isinstance(key, cls):
            return {"type": name, "bits": bits, "curve": None, "public_key": key.public_bytes(*raw).hex()}
    raise ValueError(f"unknown public key type {type(key)}")


def cert_spki(cert):
    try:
        return cert.public_key().public_bytes(DER, SPKI)
    except UnsupportedAlgorithm:  # SM2
        text = openssl("x509", "-inform", "DER", "-noout", "-pubkey", stdin=cert.public_bytes(DER)).decode()
        return base64.b64decode("".join(text.strip().splitlines()[1:-1]))


def openssl_private_key_spki(key_pem_bytes, password):
    args = ["-passin", f"pass:{password}"] if password else ["-passin", "pass:"]
    try:
        return openssl("pkey", "-pubout", "-outform", "DER", *args, *LEGACY_PROVIDER, stdin=key_pem_bytes)
    except RuntimeError:
        return None


def private_key_spki(key_pem_bytes, password):
    """The public key of a PEM private key, or None when it cannot be read (no or wrong passphrase). The
    openssl CLI reads what pyca cannot: SM2 keys, and encrypted keys with the schemes pyca lacks (legacy
    PEM with AES-192, DES, Camellia or ARIA; PBES1 other than MD5-DES; PBES2 with RC2-40/64, Camellia,
    ARIA)."""
    try:
        key = serialization.load_pem_private_key(key_pem_bytes, password.encode() if password else None)
        return key.public_key().public_bytes(DER, SPKI)
    except UnsupportedAlgorithm:  # SM2
        return openssl_private_key_spki(key_pem_bytes, password)
    except (ValueError, TypeError):
        if password and b"ENCRYPTED" in key_pem_bytes:
            return openssl_private_key_spki(key_pem_bytes, password)
        return None


def key_entry(fmt, encrypted, spki, alias=None):
    return {"format": fmt, "encrypted": encrypted, "spki": spki, "alias": alias}


def load_pkcs7(loader, data):
    """pyca reads a certificates SET OF that is not in DER order (openssl crl2pkcs7 writes input order) as BER,
    with a UserWarning; the order of appearance is what counts here, so the warning is silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return loader(data)


def read_pem(data, password):
    certs, keys, csrs = [], [], []
    for label, block in pem_blocks(data):
        raw = block.encode()
        if label == "CERTIFICATE":
            try:
                certs.append(x509.load_pem_x509_certificate(raw))
            except ValueError:
                pass
        elif label == "PKCS7":
            try:
                certs.extend(load_pkcs7(pkcs7.load_pem_pkcs7_certificates, raw))
            except UNREADABLE:
                pass
        elif label in KEY_LABELS:
            legacy = "Proc-Type: 4,ENCRYPTED" in block
            fmt = "legacy_encrypted_pem" if legacy else KEY_LABELS[label]
            encrypted = legacy or fmt == "encrypted_pkcs8"
            keys.append(key_entry(fmt, encrypted, private_key_spki(raw, password if encrypted else None)))
        elif label in CSR_LABELS:
            try:
                csrs.append(x509.load_pem_x509_csr(raw.replace(b"NEW CERTIFICATE REQUEST", b"CERTIFICATE REQUEST")))
            except ValueError:
                pass
    return certs, keys, csrs


def java_keystore_certs(data):
    """The certificates of a JKS or JCEKS keystore as Java reads them: `keytool -list -rfc` (OpenJDK), given no
    password (keytool then lists the entries without checking the keystore's integrity), in the order it prints
    them. Their keys are Java's own to unlock, and are not read."""
    kind = {b"\xfe\xed\xfe\xed": "JKS", b"\xce\xce\xce\xce": "JCEKS"}[data[:4]]
    with tempfile.TemporaryDirectory() as tmp:
        store = pathlib.Path(tmp) / "store"
        store.write_bytes(data)
        run = subprocess.run(["keytool", "-list", "-rfc", "-keystore", str(store), "-storetype", kind],
                             input=b"\n", capture_output=True)
    listed = x509.load_pem_x509_certificates(run.stdout) if b"-----BEGIN" in run.stdout else []
    # keytool lists the entries by alias; the file keeps them in the order Java wrote them. Each certificate
    # is stored whole (its DER), so where each copy sits in the file gives that order.
    ders = [c.public_bytes(DER) for c in listed]
    at = {}
    def position(der):
        start = at.get(der, -1) + 1
        at[der] = data.index(der, start)
        return at[der]
    return [cert for _, cert in sorted(((position(der), cert) for der, cert in zip(ders, listed)),
                                       key=lambda pair: pair[0])]


def read_binary(data, password):
    """One DER certificate, else a DER PKCS#7, else a PKCS#12 opened with the case's passphrase; a Java
    keystore's certificates as keytool lists them."""
    if data[:4] in (b"\xfe\xed\xfe\xed", b"\xce\xce\xce\xce"):
        return java_keystore_certs(data), [], []
    for loader in (lambda: [x509.load_der_x509_certificate(data)],
                   lambda: load_pkcs7(pkcs7.load_der_pkcs7_certificates, data)):
        try:
            return loader(), [], []
        except UNREADABLE:
            pass
    try:
        # pyca reads a BER file (what NSS writes) with a UserWarning; what it reads is what counts here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            bundle = pkcs12.load_pkcs12(data, password.encode() if password else None)
    except UNREADABLE:
        return [], [], []
    certs = ([bundle.cert.certificate] if bundle.cert else []) + [c.certificate for c in bundle.additional_certs]
    certs = pkcs12_file_order(data, password, certs)
    keys = [key_entry("pkcs12", encrypted, key.public_key().public_bytes(DER, SPKI), alias)
            for key, encrypted, alias in pkcs12_keys(data, password, bundle.key)]
    return certs, keys, []


def pkcs12_keys(data, password, first):
    """Every private key of a PKCS#12 in bag order with whether its bag was shrouded (encrypted) and its
    alias (the bag's friendlyName, or None), as `openssl pkcs12 -nocerts -nodes` prints them after their
    Bag Attributes and `-info` names their bags: pyca's load_pkcs12 reads one key (`first`), and a keystore
    may hold several entries. Only `first`, without an alias, when openssl cannot say."""
    for legacy in ((), ("-legacy",)):
        run = subprocess.run(["openssl", "pkcs12", *legacy, "-nocerts", "-nodes", "-passin", f"pass:{password or ''}"],
                             input=data, capture_output=True)
        # Each key: the text since the previous one (its Bag Attributes), then its PEM block.
        found = re.findall(rb"((?:(?!-----BEGIN).)*?)(-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----)",
                           run.stdout, re.S)
        bags = pkcs12_key_bags(data, password)
        if run.returncode == 0 and found and len(found) == len(bags):
            alias = lambda text: (re.search(rb"^\s*friendlyName: (.*)$", text, re.M) or [None, None])[1]  # noqa: E731
            return [(serialization.load_pem_private_key(block, None), bag.startswith("Shrouded Keybag"),
                     alias(attributes).decode() if alias(attributes) is not None else None)
                    for (attributes, block), bag in zip(found, bags)]
    bags = pkcs12_key_bags(data, password)
    return [(first, bags[0].startswith("Shrouded Keybag") if bags else None, None)] if first else []


def pkcs12_file_order(data, password, certs):
    """`certs` (what pyca read from a PKCS#12, the key's certificate first) in the order of the file's bags,
    as `openssl pkcs12 -nokeys` prints them; unchanged when openssl reads other certificates (or none)."""
    for legacy in ((), ("-legacy",)):
        run = subprocess.run(["openssl", "pkcs12", *legacy, "-nokeys", "-passin", f"pass:{password or ''}"],
                             input=data, capture_output=True)
        if run.returncode == 0:
            printed = x509.load_pem_x509_certificates(run.stdout) if b"-----BEGIN" in run.stdout else []
            der = lambda cert: cert.public_bytes(DER)  # noqa: E731
            if sorted(map(der, printed)) == sorted(map(der, certs)):
                return printed
            return certs
    return certs


def pkcs12_key_bags(data, password):
    """The PKCS#12's key bags as `openssl pkcs12 -info` names them, in file order ("Shrouded Keybag: …" for an
    encrypted key, "Key bag" for a plain one); empty when openssl cannot open the file."""
    # With the MAC checked first: an empty password has two forms (BMPString's two zero bytes, which
    # `-passin pass:` gives, or no bytes at all, which Windows Azure Tools wrote), and openssl tries the
    # second only when the MAC it checks fails with the first.
    for legacy, macver in itertools.product(((), ("-legacy",)), ((), ("-nomacver",))):
        run = subprocess.run(["openssl", "pkcs12", *legacy, "-info", "-noout", *macver,
                              "-passin", f"pass:{password or ''}"], input=data, capture_output=True)
        bags = [line for line in run.stderr.decode(errors="replace").splitlines()
                if line.startswith(("Shrouded Keybag", "Key bag"))]
        if run.returncode == 0 and bags:
            return bags
    return []


def read_input(data, password):
    """Every certificate, private key and CSR in one input file, each list in order of appearance."""
    if data[:2] in UTF16_BOMS or utf16_without_bom(data):
        text = decode_text(data)
        data = text.encode() if text is not None else data
    if b"-----BEGIN" in data:
        return read_pem(data, password)
    return read_binary(data, password)


def openssl_sm2_verify(cert, issuer):
    """SM2/SM3 signature of `cert` under `issuer`'s key (default distinguishing ID), by `openssl pkeyutl`."""
    try:
        pub = openssl("x509", "-noout", "-pubkey", stdin=issuer.public_bytes(PEM))
        openssl("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-digest", "sm3", "-in", "tbs",
                "-sigfile", "sig", "-pkeyopt", f"distid:{SM2_ID}",
                files={"tbs": cert.tbs_certificate_bytes, "sig": cert.signature, "pub.pem": pub})
        return True
    except RuntimeError:
        return False


def signature_verifies(cert, issuer):
    """Does `issuer`'s public key verify `cert`'s signature? pyca's verify_directly_issued_by, except for
    SHA-1 (which it refuses: verified with pyca's primitives instead) and SM2 (openssl)."""
    if cert.signature_algorithm_oid.dotted_string == SM2_WITH_SM3:
        return openssl_sm2_verify(cert, issuer)
    try:
        if isinstance(cert.signature_hash_algorithm, hashes.SHA1):
            key = issuer.public_key()
            params = cert.signature_algorithm_parameters
            if isinstance(key, rsa.RSAPublicKey):
                key.verify(cert.signature, cert.tbs_certificate_bytes, params, cert.signature_hash_algorithm)
            else:
                key.verify(cert.signature, cert.tbs_certificate_bytes, params)
        else:
            cert.verify_directly_issued_by(issuer)
        return True
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False


def extension(cert, cls):
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None


def san_facts(cert):
    sans = extension(cert, x509.SubjectAlternativeName)
    out = []
    for general in sans or []:
        if isinstance(general, x509.DNSName):
            value = general.value
            idn = any(label.lower().startswith("xn--") for label in value.split("."))
            unicode = value.encode("ascii").decode("idna") if idn else value
            out.append({"type": "dns", "value": value, "unicode": unicode})
        elif isinstance(general, x509.IPAddress):
            out.append({"type": "ip", "value": str(general.value)})
        elif isinstance(general, x509.RFC822Name):
            out.append({"type": "email", "value": general.value})
        elif isinstance(general, x509.UniformResourceIdentifier):
            out.append({"type": "uri", "value": general.value})
        elif isinstance(general, x509.DirectoryName):
            out.append({"type": "dirname", "value": general.value.rfc4514_string()})
        elif isinstance(general, x509.OtherName):
            out.append({"type": "other", "value": general.type_id.dotted_string, "kind": "otherName"})
        elif isinstance(general, x509.RegisteredID):
            out.append({"type": "other", "value": general.value.dotted_string, "kind": "registeredID"})
        else:
            raise ValueError(f"unknown general name {general!r}")
    return out


def key_usage_facts(cert):
    usage = extension(cert, x509.KeyUsage)
    if usage is None:
        return []

    def is_set(attr):
        try:
            return getattr(usage, attr)
        except ValueError:  # encipher_only / decipher_only without keyAgreement
            return False

    return [rfc for rfc, attr in KEY_USAGE if is_set(attr)]


def cert_facts(cert, now, spki):
    def fp(alg):
        return ":".join(f"{b:02X}" for b in cert.fingerprint(alg))

    nb, na = cert.not_valid_before_utc, cert.not_valid_after_utc
    expiry = "not_yet_valid" if now < nb else "expired" if now > na else "valid"
    common_names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    basic = extension(cert, x509.BasicConstraints)
    eku = extension(cert, x509.ExtendedKeyUsage)
    ski = extension(cert, x509.SubjectKeyIdentifier)
    aki = extension(cert, x509.AuthorityKeyIdentifier)
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial_hex": format(cert.serial_number, "x"),
        "not_before": nb.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "not_after": na.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha1": fp(hashes.SHA1()),
        "sha256": fp(hashes.SHA256()),
        "signature_algorithm_oid": cert.signature_algorithm_oid.dotted_string,
        "self_issued": cert.subject == cert.issuer,
        "expiry": expiry,
        "days_until_expiry": int((na - now).total_seconds() // 86400),
        "der_size": len(cert.public_bytes(DER)),
        "common_name": str(common_names[0].value) if common_names else None,
        "sans": san_facts(cert),
        "public_key": {k: v for k, v in spki_info(spki).items() if k != "public_key"},
        "is_ca": bool(basic and basic.ca),
        "path_len": basic.path_length if basic else None,
        "key_usage": key_usage_facts(cert),
        "extended_key_usage_oids": [oid.dotted_string for oid in eku] if eku else [],
        "ski": ski.digest.hex() if ski else None,
        "aki": aki.key_identifier.hex() if aki and aki.key_identifier is not None else None,
        "self_signed": cert.subject == cert.issuer and signature_verifies(cert, cert),
        "canonical_pem_size": len(cert.public_bytes(PEM)),
    }


ARCHIVE_CLUTTER = (".DS_Store", "Thumbs.db", "desktop.ini")
MATERIAL_EXTENSIONS = ("pem", "crt", "cer", "cert", "key", "csr", "req", "der", "p7b", "p7c", "p12", "pfx", "jks",
                       "keystore", "ca-bundle", "chain", "bundle")


def archive_files(name, data):
    """The files of a ZIP archive read by Python's zipfile, as cert-preflight takes them (its documented rule,
    analysis/archive.rs): folders, macOS/Windows clutter, encrypted and unreadable files left out; the first
    password file (pfx-password.txt …) read as the password; the files that may hold material by their
    extension or content. Returns ([(file, bytes)], password); ([], None) when it is no readable archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [], None
    if "word/document.xml" in archive.namelist():
        # A Word document: its paragraphs' text, as python-docx reads it, is the one input.
        import docx
        text = "".join(paragraph.text + "\n" for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
        return [(f"{name}/word/document.xml", text.encode())], None
    if "content.xml" in archive.namelist() and "META-INF/manifest.xml" in archive.namelist():
        # An OpenDocument text: its paragraphs' and headings' text, as odfpy reads them, is the one input.
        from odf import teletype
        from odf.namespaces import TEXTNS
        from odf.opendocument import load
        body = load(io.BytesIO(data)).text
        paragraphs = [node for node in body.childNodes if node.qname in ((TEXTNS, "p"), (TEXTNS, "h"))]
        return [(f"{name}/content.xml", "".join(teletype.extractText(p) + "\n" for p in paragraphs).encode())], None
    if "xl/workbook.xml" in archive.namelist():
        # A spreadsheet: the one part that holds the cells' text (shared strings as Excel writes them,
        # the sheet itself with openpyxl's inline strings) is the file read; its text as openpyxl reads
        # the cells, a cell a line.
        import openpyxl
        [part] = [n for n in archive.namelist() if b"-----BEGIN " in archive.read(n)]
        book = openpyxl.load_workbook(io.BytesIO(data))
        text = "".join(f"{cell}\n" for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                       for cell in row if isinstance(cell, str))
        return [(f"{name}/{part}", text.encode())], None
    files, passwords = [], []
    for info in archive.infolist():
        path = zip_entry_name(info)
        base = path.rsplit("/", 1)[-1]
        if path.endswith("/") or path.startswith("__MACOSX/") or base.startswith("._") or base in ARCHIVE_CLUTTER:
            continue
        if info.flag_bits & 1:
            continue
        try:
            content = archive.read(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError):
            continue
        stem = base.lower().removesuffix(".txt")
        if len(passwords) < 8 and any(w in stem for w in ("password", "passwd", "keystorepass", "密码")):
            line = (password_text(content) or "").lstrip("\ufeff").rstrip("\r\n")
            if len(content) <= 256 and line and "\n" not in line and "\r" not in line:
                passwords.append(line)
                continue
        extension = base.lower().rsplit(".", 1)[-1] if "." in base else ""
        if content[:4] in (b"PK\x03\x04", b"PK\x05\x06") or content[:2] == b"\x1f\x8b" \
                or content[:6] in (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c") or content[257:262] == b"ustar":
            continue  # an archive inside the archive: named, not opened
        if (extension in MATERIAL_EXTENSIONS or b"-----BEGIN " in content or content[:1] == b"\x30"
                or content[:4] in (b"\xfe\xed\xfe\xed", b"\xce\xce\xce\xce")
                or content.startswith((b"ssh-", b"PuTTY-User-Key-File-"))):
            files.append((f"{name}/{path}", content))
    return files, passwords


def base64_zips(data):
    """The ZIP archives a text holds as base64, by cert-preflight's documented rule (analysis/input.rs) with
    Python's base64: the whole text one base64 run starting as a ZIP does, else (at most two) values on a line
    after a space, tab, quote, colon or '=' (a cloud API's JSON answer). [(line, bytes)]."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []

    def archive(run):
        try:
            raw = base64.b64decode(run, validate=True)
        except ValueError:
            return None
        return raw if raw[:4] in (b"PK\x03\x04", b"PK\x05\x06") else None

    stripped = text.strip()
    if stripped.startswith(("UEsDB", "UEsFB")) and re.fullmatch(r"[A-Za-z0-9+/=\s]*", stripped):
        first = next(i for i, line in enumerate(text.splitlines()) if line.strip())
        raw = archive("".join(stripped.split()))
        return [(first + 1, raw)] if raw else []
    found, lines, index = [], text.splitlines(), 0
    while index < len(lines) and len(found) < 2:
        line, start = lines[index], index
        index += 1
        indent = len(line) - len(line.lstrip())
        for match in re.finditer(r"(?:(?<=^)|(?<=[ \t\"':=]))(?:UEsDB|UEsFB)[A-Za-z0-9+/=]*", line):
            run = match.group(0)
            if match.start() == indent and not line[match.end():].strip():
                # A block scalar's lines at the same indentation go on with the value.
                while (index < len(lines) and not run.endswith("=") and lines[index].strip()
                       and len(lines[index]) - len(lines[index].lstrip()) == indent
                       and re.fullmatch(r"[A-Za-z0-9+/=]+", lines[index].strip())):
                    run += lines[index].strip()
                    index += 1
            raw = archive(run)
            if raw:
                found.append((start + 1, raw))
                break
    return found


def password_text(content):
    """A password file's text as Windows tools write one, by Python's codecs: UTF-16 with its byte-order mark
    (Notepad's "Unicode", PowerShell 5's redirection), UTF-8, or GBK (Notepad's "ANSI" on a Chinese system)."""
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return content.decode("utf-16")
    for codec in ("utf-8", "gbk"):
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            pass
    return None


def zip_entry_name(info):
    """A ZIP file's name by cert-preflight's documented rule (analysis/archive.rs), with Python's codecs: UTF-8
    when the flag says so; else the Info-ZIP Unicode Path field (0x7075) for this name; else the bytes as UTF-8,
    else as GBK when that reads as Chinese (zipfile itself takes a name without the flag as code page 437)."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    extra = info.extra
    while len(extra) >= 4:
        kind, size = struct.unpack("<HH", extra[:4])
        data = extra[4:4 + size]
        if kind == 0x7075 and len(data) >= 5 and data[0] == 1:
            if struct.unpack("<I", data[1:5])[0] == zlib.crc32(raw):
                try:
                    return data[5:].decode("utf-8")
                except UnicodeDecodeError:
                    pass
            break
        extra = extra[4 + size:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        name = raw.decode("gbk")
        if all(c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e"
               for c in name):
            return name
    except UnicodeDecodeError:
        pass
    return raw.decode("utf-8", "replace")


def read_with_any(data, passwords):
    """What read_input reads from `data` with the first of `passwords` that opens all of it (every key
    decrypted, something read); with the last when none does."""
    for password in passwords:
        certs, keys, csrs = read_input(data, password)
        if (certs or keys or csrs) and all(k["spki"] is not None for k in keys):
            break
    return certs, keys, csrs


def read_passphrase(case_dir):
    path = case_dir / "passphrase.txt"
    return path.read_text(encoding="utf-8").rstrip("\r\n") if path.exists() else None


def facts_for(case_dir):
    now = dt.datetime.strptime((case_dir / "now.txt").read_text().strip(), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    password = read_passphrase(case_dir)
    certs, keys, csrs, inputs = [], [], [], []
    files = []
    for path in sorted((case_dir / "input").iterdir()):
        data = path.read_bytes()
        # A mangled input's facts are those of its original material (cert-preflight gets the input only).
        original = case_dir / "original" / path.name
        # A password beyond ASCII is tried in the form OpenSSL before 1.1.0 wrote too, as OpenSSL's own pkcs12
        # command retries it ("using broken algorithm").
        tries = [password, old_openssl_form(password)] if password and not password.isascii() else [password]
        files.append((path.name, data, original.read_bytes() if original.exists() else data, tries, True))
    while files:
        name, data, material, passwords, given = files.pop(0)
        if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
            # A ZIP archive: its files are inputs of their own, read next; one of its password files
            # (or the case's passphrase) opens each of its locked files.
            inside, archive_passwords = archive_files(name, data)
            tries = list(dict.fromkeys([*archive_passwords, password])) if archive_passwords else [password]
            files[:0] = [(file, content, content, tries, False) for file, content in inside]
            inputs.append({"file": name, "line_endings": "none"})
            continue
        if given and b"-----BEGIN " not in data:
            # ZIP archives the text holds as base64, read next as archives of their own.
            files[:0] = [(f"{name}:{line}", zip_bytes, zip_bytes, passwords, False)
                         for line, zip_bytes in base64_zips(data)]
        file_certs, file_keys, file_csrs = read_with_any(material, passwords)
        certs += [(name, c) for c in file_certs]
        keys += [(name, k) for k in file_keys]
        csrs += [(name, c) for c in file_csrs]
        inputs.append({"file": name, "line_endings": line_endings(data)})

    spkis = [cert_spki(c) for _, c in certs]
    matches = lambda spki: [i for i, other in enumerate(spkis) if spki is not None and other == spki]  # noqa: E731
    facts = {
        "certificates": [{"file": f, **cert_facts(c, now, spki)} for (f, c), spki in zip(certs, spkis)],
        "signatures": [
            {"subject_index": i, "issuer_index": j, "verified": signature_verifies(ci, cj)}
            for i, (_, ci) in enumerate(certs) for j, (_, cj) in enumerate(certs) if ci.issuer == cj.subject
        ],
        "private_keys": [
            {"file": f, "format": k["format"], "encrypted": k["encrypted"], "decrypted": k["spki"] is not None,
             **(spki_info(k["spki"]) if k["spki"] is not None
                else {"type": None, "bits": None, "curve": None, "public_key": None}),
             **({"alias": k["alias"]} if k["alias"] is not None else {}),
             "matches_certificates": matches(k["spki"])}
            for f, k in keys
        ],
        "csrs": [
            {"file": f, "signature_valid": c.is_signature_valid,
             "matches_certificates": matches(spki),
             "matches_private_keys": [n for n, (_, k) in enumerate(keys) if k["spki"] == spki]}
            for f, c, spki in ((f, c, c.public_key().public_bytes(DER, SPKI)) for f, c in csrs)
        ],
        "inputs": inputs,
    }
    return json.dumps(facts, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    if argv[1:] == []:
        generate()
    elif argv[1:2] == ["--only"] and argv[2:]:
        generate(set(argv[2:]))
    elif argv[1:] not in (["--facts"], ["--check"]):
        print(__doc__)
        return 2
    stale = []
    for case_dir in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        facts = facts_for(case_dir)
        target = case_dir / "facts.json"
        if argv[1:] == ["--check"]:
            if not target.exists() or target.read_text() != facts:
                stale.append(case_dir.name)
        else:
            target.write_text(facts)
    if stale:
        print("facts.json differs from what pyca/cryptography reads now:", ", ".join(stale))
        return 1
    print(f"facts: {len(list(ROOT.iterdir()))} cases agree with pyca/cryptography" if argv[1:] == ["--check"] else "written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
