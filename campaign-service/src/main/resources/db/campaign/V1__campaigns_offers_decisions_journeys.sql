-- The campaign service's tables. Plain SQL that runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
-- Timestamps are UTC instants at microsecond precision. No foreign keys to other modules' tables
-- (stores, zones, shoppers): each module evolves its tables on its own.

-- Campaigns. The definition is the campaign's JSON form (CampaignDefinition.write); the columns
-- beside it are what lists filter and sort by. Version: optimistic concurrency of updates.
CREATE TABLE campaign (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    store_id   VARCHAR(64)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    status     VARCHAR(16)              NOT NULL CHECK (status IN ('active', 'paused')),
    priority   INT                      NOT NULL,
    definition TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);

CREATE INDEX campaign_by_store ON campaign (store_id, created_at);

-- Offers made to consenting shoppers (personal data: exported, erased, purged after the retention
-- period). Status moves only by conditional updates, so a concurrent redeem, dismiss or expiry
-- closes an offer once.
CREATE TABLE campaign_offer (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    campaign_id  VARCHAR(64)              NOT NULL,
    variant      INT                      NOT NULL,
    shopper_id   VARCHAR(64)              NOT NULL,
    store_id     VARCHAR(64)              NOT NULL,
    zone_id      VARCHAR(64)              NULL,
    visit_key    VARCHAR(100)             NOT NULL,
    decision_id  VARCHAR(64)              NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)              NOT NULL CHECK (status IN ('delivered', 'opened', 'redeemed', 'dismissed', 'expired')),
    opened_at    TIMESTAMP WITH TIME ZONE NULL,
    closed_at    TIMESTAMP WITH TIME ZONE NULL
);

CREATE INDEX campaign_offer_by_shopper ON campaign_offer (shopper_id, delivered_at);
CREATE INDEX campaign_offer_by_expiry ON campaign_offer (status, expires_at);
CREATE INDEX campaign_offer_by_time ON campaign_offer (delivered_at);

-- Decisions about consenting shoppers with their one-line explanation (Decision.explanation());
-- unlisted counts the verdicts beyond the kept ones. Personal data like the offers.
CREATE TABLE campaign_decision (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    shopper_id   VARCHAR(64)              NOT NULL,
    store_id     VARCHAR(64)              NOT NULL,
    zone_id      VARCHAR(64)              NULL,
    trigger_type VARCHAR(16)              NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    explanation  TEXT                     NOT NULL,
    unlisted     INT                      NOT NULL,
    offer_id     VARCHAR(64)              NULL
);

CREATE INDEX campaign_decision_by_shopper ON campaign_decision (shopper_id);
CREATE INDEX campaign_decision_by_store ON campaign_decision (store_id, decided_at);
CREATE INDEX campaign_decision_by_time ON campaign_decision (decided_at);

-- A consenting shopper's journey: stage, app preferences (segments comma-separated, '' for none)
-- and visits per store. Personal data; purged when not updated for the retention period.
CREATE TABLE campaign_journey (
    shopper_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    stage      VARCHAR(16)              NULL CHECK (stage IN ('aware', 'considering', 'purchased', 'using')),
    segments   TEXT                     NOT NULL,
    language   VARCHAR(8)               NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX campaign_journey_by_time ON campaign_journey (updated_at);

-- Erasing or purging a journey takes its visits with it.
CREATE TABLE campaign_journey_visit (
    shopper_id VARCHAR(64) NOT NULL REFERENCES campaign_journey (shopper_id) ON DELETE CASCADE,
    store_id   VARCHAR(64) NOT NULL,
    visits     INT         NOT NULL,
    PRIMARY KEY (shopper_id, store_id)
);

-- Anonymous campaign analytics per campaign, variant and zone ('' for offers made outside any
-- zone); no shopper id, kept beyond erasure and retention. No foreign key to campaign: the
-- figures stay readable whatever happens to it.
CREATE TABLE campaign_stat (
    campaign_id VARCHAR(64) NOT NULL,
    variant     INT         NOT NULL,
    zone_id     VARCHAR(64) NOT NULL,
    deliveries  BIGINT      NOT NULL,
    opens       BIGINT      NOT NULL,
    redemptions BIGINT      NOT NULL,
    dismissals  BIGINT      NOT NULL,
    expiries    BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, variant, zone_id)
);
