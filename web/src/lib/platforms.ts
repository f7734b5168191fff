// The platforms of src/domain/platform.h and the names shown for them. The API also takes
// "x" and stores it as "twitter"; people call it X now, so that is the name shown.
import type { Schemas } from "../api/client";

export type Platform = Schemas["Account"]["platform_type"];

export const platformLabels: Record<Platform, string> = {
  twitter: "X (Twitter)",
  instagram: "Instagram",
  tiktok: "TikTok",
  linkedin: "LinkedIn",
};

export const platforms = Object.keys(platformLabels) as Platform[];

export function platformLabel(platform: string | null | undefined): string {
  if (!platform) return "No platform";
  if (platform === "x") return platformLabels.twitter;
  return platform in platformLabels ? platformLabels[platform as Platform] : platform;
}
