package dev.ddx.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskerTest {

    private static void masked(String text, String secret) {
        String out = new SecretMasker().mask(text);
        assertFalse(out.contains(secret), "not masked: " + out);
        assertTrue(out.contains("[SECRET-1]"), out);
    }

    @Test
    void masksEveryKindOfSecret() {
        masked("export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx");
        masked("connecting to postgres://app:Tr0ub4dor@db.internal:5432/app", "Tr0ub4dor");
        masked("password=hunter2hunter2 user=bob", "hunter2hunter2");
        masked("{\"client_secret\": \"abc123def456\"}", "abc123def456");
        masked("Authorization: Bearer abcdefghijklmnop.qrstuv", "abcdefghijklmnop.qrstuv");
        masked("aws_access_key_id AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE");
        masked("maps key AIzaSyA-abcdefghijklmnopqrstuvwxyz012345", "AIzaSyA-abcdefghijklmnopqrstuvwxyz012345");
        masked("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=q83hd73hdk==;EndpointSuffix=core", "q83hd73hdk==");
        masked("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        masked("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEow");
        masked("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk");
    }

    @Test
    void theSameSecretGetsTheSameMaskAndMasksAreNotMaskedAgain() {
        SecretMasker m = new SecretMasker();
        String a = m.mask("password=hunter2hunter2 and api_key=zzzzyyyyxxxx");
        String b = m.mask("again: hunter2hunter2? pwd: hunter2hunter2");
        assertEquals("password=[SECRET-1] and api_key=[SECRET-2]", a);
        assertEquals("again: [SECRET-1]? pwd: [SECRET-1]", b);
        assertEquals(a, m.mask(a));
        assertEquals(2, m.count());
    }

    @Test
    void knownSecretsFromTheEnvironmentAreMaskedWherever() {
        SecretMasker m = new SecretMasker().addSecretsFromEnvironment(Map.of("DB_PASSWORD", "plain-words-value", "HOME", "/home/u"));
        assertEquals("the value [SECRET-1] leaked in /home/u", m.mask("the value plain-words-value leaked in /home/u"));
    }

    @Test
    void leavesOrdinaryDebuggerOutputAlone() {
        SecretMasker m = new SecretMasker();
        String bt = "#0  0x00007f in __lll_lock_wait (futex=0x4040a0 <lock_a>, private=0) at lowlevellock.c:52\n"
                + "token = 0x0\npassword = NULL\nrip 0x401136 <parse_header+22>";
        assertEquals(bt, m.mask(bt));
    }
}
