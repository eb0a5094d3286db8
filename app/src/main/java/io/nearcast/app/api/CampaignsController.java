package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.CampaignDefinition;
import io.nearcast.campaign.domain.CampaignReport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/campaigns}: campaigns of a store (staff of the store, admins), their definition
 * in the shape of CONTRACT §2 and their analytics. A change replaces the whole definition (PUT);
 * the answer of a GET can be sent back changed.
 */
@Controller("/api/v1/campaigns")
final class CampaignsController {

    private final CampaignService campaigns;

    CampaignsController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Post
    HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @Body JsonNode body) {
        Campaign campaign = campaigns.campaigns().create(Callers.of(request), ZonesController.members(body));
        return HttpResponse.created(CampaignDefinition.write(campaign), URI.create("/api/v1/campaigns/" + campaign.id()));
    }

    @Get
    Paging.PageBody<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String storeId, @Nullable @QueryValue String page,
                                              @Nullable @QueryValue String size) {
        return Paging.body(campaigns.campaigns().list(Callers.of(request), Optional.ofNullable(storeId), Paging.request(page, size))
                .map(CampaignDefinition::write));
    }

    @Get("/{campaignId}")
    Map<String, Object> get(HttpRequest<?> request, @PathVariable String campaignId) {
        return CampaignDefinition.write(campaigns.campaigns().get(Callers.of(request), campaignId));
    }

    /** Replaces the definition; 409 when another change came first (the version moved). */
    @Put("/{campaignId}")
    Map<String, Object> replace(HttpRequest<?> request, @PathVariable String campaignId, @Body JsonNode body) {
        return CampaignDefinition.write(campaigns.campaigns().replace(Callers.of(request), campaignId, ZonesController.members(body)));
    }

    /** Deliveries → opens → redemptions per variant and zone, conversion with a 95 % credible interval, the bandit's current shares. */
    @Get("/{campaignId}/stats")
    StatsBody stats(HttpRequest<?> request, @PathVariable String campaignId) {
        Campaign campaign = campaigns.campaigns().get(Callers.of(request), campaignId);
        return StatsBody.of(CampaignReport.of(campaign, campaigns.stats().of(campaign.id()), campaigns.tallies().find(campaign.id())));
    }

    @Serdeable
    record FunnelBody(long deliveries, long opens, long redemptions, long dismissals, long expiries, double conversionRate, List<Double> credibleInterval95) {
        static FunnelBody of(CampaignReport.Funnel f) {
            return new FunnelBody(f.deliveries(), f.opens(), f.redemptions(), f.dismissals(), f.expiries(), round(f.conversionRate()),
                    List.of(round(f.credibleLow()), round(f.credibleHigh())));
        }

        private static double round(double value) {
            return Math.round(value * 1e6) / 1e6;
        }
    }

    @Serdeable
    record VariantBody(int variant, FunnelBody funnel, double banditShare) {
    }

    /** @param zoneId {@code null} for offers made outside any zone */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ZoneBody(@Nullable String zoneId, FunnelBody funnel) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatsBody(String campaignId, FunnelBody total, List<VariantBody> variants, List<ZoneBody> zones) {
        static StatsBody of(CampaignReport report) {
            return new StatsBody(report.campaignId(), FunnelBody.of(report.total()),
                    report.variants().stream().map(v -> new VariantBody(v.variant(), FunnelBody.of(v.funnel()), Math.round(v.banditShare() * 1e4) / 1e4)).toList(),
                    report.zones().stream().map(z -> new ZoneBody(z.zoneId().orElse(null), FunnelBody.of(z.funnel()))).toList());
        }
    }
}
