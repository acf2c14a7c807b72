import { Link, NavLink, type LinkProps, type NavLinkProps } from 'react-router';

/** A client-side link with the NL Design System link style. */
export function AppLink({ className, ...props }: LinkProps) {
  return <Link className={['utrecht-link', className].filter(Boolean).join(' ')} {...props} />;
}

/** A link that looks like a button (Utrecht's button-link), for calls to action. */
export function AppButtonLink({
  appearance = 'primary',
  className,
  ...props
}: LinkProps & { appearance?: 'primary' | 'secondary' }) {
  const look =
    appearance === 'primary'
      ? 'utrecht-button-link--primary-action'
      : 'utrecht-button-link--secondary-action';
  return (
    <Link
      className={['utrecht-button-link', 'utrecht-button-link--html-a', look, className]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  );
}

export function AppNavLink({ className, ...props }: NavLinkProps) {
  return (
    <NavLink
      className={['utrecht-link', typeof className === 'string' ? className : '']
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  );
}
