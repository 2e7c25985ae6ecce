// The cross-company boundary: for each partner company, the communities its people take part
// in (partner member counts suppressed below the privacy minimum), who holds the boundary role
// there, and the partner people who connect several of them.
import { formatGroupCount } from '../../lib/boundaries/privacy';
import { partnersInView } from '../../lib/boundaries/views';
import type { ViewProps } from './BoundaryTabs';
import { CommunityButton } from './CommunityButton';

export function CompaniesView({ report, filtered, onSelect }: ViewProps) {
  const partners = partnersInView(report, filtered);
  const g = report.constellation;
  const home = report.companies.homeCompany;
  return (
    <div class="companies">
      <h2>Across companies</h2>
      <p class="intro">
        {home ? `${home} is the home organisation; ` : ''}people of other companies are partners.
        Communities with partner members are marked in the table and filterable above.
      </p>
      {partners.length === 0 ? (
        <p class="muted">No partner-company members in these communities.</p>
      ) : (
        partners.map((partner) => (
          <section key={partner.name} class="partner" data-company={partner.name}>
            <h3>
              {partner.name} — {formatGroupCount(partner.people)} people in{' '}
              {partner.communities.length}{' '}
              {partner.communities.length === 1 ? 'community' : 'communities'}
            </h3>
            <table>
              <caption>Communities shared with {partner.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Community</th>
                  <th scope="col" class="num">
                    Members
                  </th>
                  <th scope="col" class="num">
                    {partner.name} members
                  </th>
                  <th scope="col">Boundary role</th>
                </tr>
              </thead>
              <tbody>
                {partner.communities.map((entry) => (
                  <tr
                    key={entry.community}
                    data-community={report.communities[entry.community]!.key}
                  >
                    <th scope="row">
                      <CommunityButton
                        report={report}
                        community={entry.community}
                        onSelect={onSelect}
                      />
                    </th>
                    <td class="num">{entry.members}</td>
                    <td class="num">{formatGroupCount(entry.partnerMembers)}</td>
                    <td>
                      {entry.boundaryHolders.map((p) => g.people[p]!.name).join(', ') ||
                        'no one holds the boundary role'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <strong>Connectors</strong> ({partner.name} people in two or more of these):{' '}
              {partner.connectors.length
                ? partner.connectors.map((p) => g.people[p]!.name).join(', ')
                : 'none'}
            </p>
          </section>
        ))
      )}
    </div>
  );
}
