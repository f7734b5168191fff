// Settings: the password, two-factor authentication, API tokens, the data export, the
// master keys' status, and deleting the account; one section (region) each.
import { me } from "../../api/session";
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { ExportSection } from "./ExportSection";
import { KeysSection } from "./KeysSection";
import { PasswordSection } from "./PasswordSection";
import { TokensSection } from "./TokensSection";
import { TwoFactorSection } from "./TwoFactorSection";
import "./settings.css";

const sections = [
  { id: "settings-password", label: "Password" },
  { id: "settings-2fa", label: "Two-factor" },
  { id: "settings-tokens", label: "API tokens" },
  { id: "settings-export", label: "Export" },
  { id: "settings-keys", label: "Master keys" },
  { id: "settings-delete", label: "Delete account" },
];

export function SettingsScreen(_props: ScreenProps) {
  const user = me.value;
  if (!user) return null;
  return (
    <Screen title="Settings">
      <p class="settings-who">
        Logged in as <strong>{user.email}</strong> ({user.subscription_tier} plan, up to {user.max_personas} personas).
      </p>
      <div class="settings-layout">
        <nav class="settings-toc" aria-label="Settings sections">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="settings-sections">
          <PasswordSection />
          <TwoFactorSection email={user.email} enabled={user.two_factor_enabled} />
          <TokensSection />
          <ExportSection />
          <KeysSection />
          <DeleteAccountSection email={user.email} />
        </div>
      </div>
    </Screen>
  );
}
