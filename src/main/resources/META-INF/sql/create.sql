CREATE TABLE IF NOT EXISTS signal_log (seq BIGINT PRIMARY KEY, type VARCHAR(4) NOT NULL, symbol VARCHAR(64) NOT NULL, price VARCHAR(64) NOT NULL, signal_timestamp BIGINT NOT NULL, is_test BOOLEAN NOT NULL, received_at_ms BIGINT NOT NULL, source VARCHAR(8) NOT NULL, publisher VARCHAR(128), idempotency_key VARCHAR(128));
CREATE INDEX IF NOT EXISTS signal_log_idempotency ON signal_log (publisher, idempotency_key);
CREATE INDEX IF NOT EXISTS signal_log_received ON signal_log (received_at_ms);
CREATE TABLE IF NOT EXISTS signal_counter (id INT PRIMARY KEY, last_seq BIGINT NOT NULL);
CREATE SEQUENCE IF NOT EXISTS api_token_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE IF NOT EXISTS api_token (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL UNIQUE, role VARCHAR(16) NOT NULL, secret_hash VARCHAR(64) NOT NULL UNIQUE, created_at_ms BIGINT NOT NULL, expires_at_ms BIGINT, revoked_at_ms BIGINT, last_used_at_ms BIGINT, created_by VARCHAR(8) NOT NULL);
CREATE TABLE IF NOT EXISTS stream_ticket (ticket_hash VARCHAR(64) PRIMARY KEY, token_name VARCHAR(64) NOT NULL, expires_at_ms BIGINT NOT NULL);
